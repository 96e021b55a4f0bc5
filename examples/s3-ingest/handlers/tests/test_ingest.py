"""Unit tests for handlers/ingest.py: standard library only, no AWS, no boto3.

Run from the example folder:  python3 -m unittest discover -s handlers/tests
"""

import hashlib
import io
import json
import logging
import os
import sys
import unittest
from contextlib import redirect_stdout
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import ingest  # noqa: E402

BUCKET = "dev-s3-ingest-uploads-111122223333"
SETTINGS = ingest.Settings(bucket=BUCKET, table="dev-ingest-idempotency", spool_bytes=16, max_object_bytes=1000)


def setUpModule():
    logging.disable(logging.CRITICAL)  # the handler logs JSON lines; keep test output readable


def tearDownModule():
    logging.disable(logging.NOTSET)


def record(key="incoming/prices+2024-05-01.csv", version="v1", size=12, bucket=BUCKET, name="ObjectCreated:Put"):
    obj = {"key": key, "size": size, "eTag": "0123", "sequencer": "0055AED6DCD90281E5"}
    if version:
        obj["versionId"] = version
    return {"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1", "eventName": name,
            "s3": {"s3SchemaVersion": "1.0", "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"}, "object": obj}}


def message(message_id, *records, body=None):
    return {"messageId": message_id, "receiptHandle": "rh", "eventSource": "aws:sqs",
            "body": body if body is not None else json.dumps({"Records": list(records)})}


class AwsError(Exception):
    """Shaped like botocore's ClientError."""

    def __init__(self, code, item=None):
        super().__init__(code)
        self.response = {"Error": {"Code": code, "Message": code}}
        if item is not None:
            self.response["Item"] = item


class ParseMessage(unittest.TestCase):
    def test_object_created_record(self):
        [ref] = ingest.parse_message(message("m1", record())["body"])
        self.assertEqual(ref.key, "incoming/prices 2024-05-01.csv")  # '+' is an encoded space
        self.assertEqual((ref.bucket, ref.version_id, ref.size), (BUCKET, "v1", 12))

    def test_s3_test_event_is_nothing_to_do(self):
        body = json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": BUCKET})
        self.assertEqual(ingest.parse_message(body), [])

    def test_rejects_what_is_not_an_object_created_notification(self):
        bad = {
            "not json": "{",
            "not an object": "[1]",
            "no records": json.dumps({"Records": []}),
            "another service": json.dumps({"Records": [dict(record(), eventSource="aws:sns")]}),
            "a removal": json.dumps({"Records": [record(name="ObjectRemoved:Delete")]}),
            "negative size": json.dumps({"Records": [record(size=-1)]}),
            "no bucket": json.dumps({"Records": [dict(record(), s3={"object": {"key": "a"}})]}),
        }
        for name, body in bad.items():
            with self.subTest(name), self.assertRaises(ingest.InvalidMessage):
                ingest.parse_message(body)


class SanitizeKey(unittest.TestCase):
    def test_decodes(self):
        self.assertEqual(ingest.sanitize_key("a%2Fb/c+d%C3%A9.json"), "a/b/c dé.json")

    def test_refuses_dangerous_keys(self):
        for raw in ("", "../etc/passwd", "a/../../b", "/abs", "a/./b", "bad%0Aline", "bell%07", "x" * 1025):
            with self.subTest(raw=raw[:20]), self.assertRaises(ingest.InvalidMessage):
                ingest.sanitize_key(raw)

    def test_accepts_ordinary_dots(self):
        self.assertEqual(ingest.sanitize_key("reports/v1.2/..hidden.csv"), "reports/v1.2/..hidden.csv")


class IdempotencyKey(unittest.TestCase):
    def ref(self, **changes):
        return ingest.parse_record(record(**changes))

    def test_same_upload_delivered_twice_has_one_key(self):
        self.assertEqual(ingest.idempotency_key(self.ref()), ingest.idempotency_key(self.ref()))
        self.assertRegex(ingest.idempotency_key(self.ref()), r"^[0-9a-f]{64}$")

    def test_new_version_bucket_or_key_is_a_new_key(self):
        base = ingest.idempotency_key(self.ref())
        for changes in ({"version": "v2"}, {"bucket": "other"}, {"key": "incoming/other.csv"}):
            with self.subTest(changes):
                self.assertNotEqual(ingest.idempotency_key(self.ref(**changes)), base)

    def test_unversioned_object_uses_the_sequencer(self):
        ref = self.ref(version=None)
        self.assertIsNone(ref.version_id)
        self.assertNotEqual(ingest.idempotency_key(ref), ingest.idempotency_key(self.ref()))

    def test_no_identity_at_all_is_refused(self):
        bare = record(version=None)
        del bare["s3"]["object"]["sequencer"]
        with self.assertRaises(ingest.InvalidMessage):
            ingest.parse_record(bare)


class Store(unittest.TestCase):
    def setUp(self):
        self.client = mock.Mock()
        self.store = ingest.IdempotencyStore(self.client, "dev-ingest-idempotency", 7 * 86400, clock=lambda: 1_000.0)
        self.ref = ingest.parse_record(record())

    def test_claims_with_a_conditional_put_and_ttl(self):
        self.assertEqual(self.store.begin("k", self.ref, 5_000), "claimed")
        put = self.client.put_item.call_args.kwargs
        self.assertIn("attribute_not_exists(#id)", put["ConditionExpression"])
        self.assertEqual(put["Item"]["expiration"], {"N": str(1_000 + 7 * 86400)})
        self.assertEqual(put["Item"]["in_progress_expiration"], {"N": "1005000"})
        self.assertEqual(put["ReturnValuesOnConditionCheckFailure"], "ALL_OLD")

    def test_completed_and_in_progress_claims(self):
        self.client.put_item.side_effect = AwsError("ConditionalCheckFailedException", {"status": {"S": "COMPLETED"}})
        self.assertEqual(self.store.begin("k", self.ref, 5_000), "completed")
        self.client.put_item.side_effect = AwsError("ConditionalCheckFailedException", {"status": {"S": "IN_PROGRESS"}})
        self.assertEqual(self.store.begin("k", self.ref, 5_000), "in_progress")

    def test_other_errors_propagate(self):
        self.client.put_item.side_effect = AwsError("ProvisionedThroughputExceededException")
        with self.assertRaises(AwsError):
            self.store.begin("k", self.ref, 5_000)

    def test_release_only_deletes_an_in_progress_claim_and_never_raises(self):
        self.client.delete_item.side_effect = AwsError("ConditionalCheckFailedException")
        self.store.release("k")
        self.assertEqual(self.client.delete_item.call_args.kwargs["ConditionExpression"], "#status = :in_progress")


class FakeS3:
    def __init__(self, content=b"", error=None, length=None):
        self.content, self.error, self.length, self.requests = content, error, length, []

    def get_object(self, **request):
        self.requests.append(request)
        if self.error:
            raise self.error
        return {"ContentLength": len(self.content) if self.length is None else self.length, "Body": io.BytesIO(self.content)}


class ProcessObject(unittest.TestCase):
    def test_summary_of_a_spooled_object(self):
        s3 = FakeS3(b"a,b\n1,2\n3,4")  # 11 bytes, 3 records (the last without a newline)
        result = ingest.process_object(s3, ingest.parse_record(record(size=11)), SETTINGS)
        self.assertEqual((result["bytes"], result["records"], result["status"]), (11, 3, "processed"))
        self.assertEqual(result["sha256"], hashlib.sha256(b"a,b\n1,2\n3,4").hexdigest())
        self.assertEqual(s3.requests, [{"Bucket": BUCKET, "Key": "incoming/prices 2024-05-01.csv", "VersionId": "v1"}])

    def test_large_object_spills_to_disk_and_is_read_whole(self):
        content = b"line\n" * 100  # 500 bytes, past the 16-byte spool
        result = ingest.process_object(FakeS3(content), ingest.parse_record(record(size=500)), SETTINGS)
        self.assertEqual((result["bytes"], result["records"]), (500, 100))

    def test_too_large_is_refused_before_and_while_reading(self):
        with self.assertRaises(ingest.ObjectTooLarge):
            ingest.process_object(FakeS3(b""), ingest.parse_record(record(size=1001)), SETTINGS)
        with self.assertRaises(ingest.ObjectTooLarge):
            ingest.process_object(FakeS3(b"x" * 1001, length=10), ingest.parse_record(record(size=10)), SETTINGS)

    def test_deleted_version_is_missing_not_an_error(self):
        result = ingest.process_object(FakeS3(error=AwsError("NoSuchVersion")), ingest.parse_record(record()), SETTINGS)
        self.assertEqual(result["status"], "missing")


class HandleBatch(unittest.TestCase):
    def setUp(self):
        self.store = mock.Mock(spec=ingest.IdempotencyStore)
        self.store.begin.return_value = "claimed"

    def run_batch(self, *messages, s3=None):
        out = io.StringIO()
        with redirect_stdout(out):
            response = ingest.handle_batch({"Records": list(messages)}, None, s3=s3 or FakeS3(b"x\n"),
                                           store=self.store, settings=SETTINGS, clock=lambda: 1.0)
        return response, json.loads(out.getvalue())

    def test_only_failed_messages_are_returned(self):
        response, metrics = self.run_batch(message("ok", record()), message("bad", body="{"),
                                           message("elsewhere", record(bucket="someone-else")))
        self.assertEqual(response, {"batchItemFailures": [{"itemIdentifier": "bad"}, {"itemIdentifier": "elsewhere"}]})
        self.assertEqual((metrics["ObjectsProcessed"], metrics["MessagesFailed"]), (1, 2))
        self.store.complete.assert_called_once()

    def test_duplicates_are_skipped_in_progress_is_retried(self):
        self.store.begin.side_effect = ["completed", "in_progress"]
        s3 = FakeS3(b"x")
        response, metrics = self.run_batch(message("dup", record()), message("busy", record(version="v2")), s3=s3)
        self.assertEqual(response, {"batchItemFailures": [{"itemIdentifier": "busy"}]})
        self.assertEqual(s3.requests, [])
        self.assertEqual(metrics["Duplicates"], 1)

    def test_failure_releases_the_claim(self):
        response, _ = self.run_batch(message("m", record()), s3=FakeS3(error=AwsError("SlowDown")))
        self.assertEqual(response["batchItemFailures"], [{"itemIdentifier": "m"}])
        self.store.release.assert_called_once()
        self.store.complete.assert_not_called()

    def test_test_event_succeeds(self):
        body = json.dumps({"Event": "s3:TestEvent"})
        response, metrics = self.run_batch(message("t", body=body))
        self.assertEqual((response, metrics["TestEvents"]), ({"batchItemFailures": []}, 1))


class Metrics(unittest.TestCase):
    def test_embedded_metric_format(self):
        line = json.loads(ingest.metrics_line("S3Ingest", "dev-ingest", {"ObjectsProcessed": 2, "BytesProcessed": 10}, 42))
        directive = line["_aws"]["CloudWatchMetrics"][0]
        self.assertEqual((line["_aws"]["Timestamp"], directive["Namespace"], directive["Dimensions"]), (42, "S3Ingest", [["FunctionName"]]))
        self.assertEqual(directive["Metrics"], [{"Name": "BytesProcessed", "Unit": "Bytes"}, {"Name": "ObjectsProcessed", "Unit": "Count"}])
        self.assertEqual((line["FunctionName"], line["ObjectsProcessed"]), ("dev-ingest", 2))


class Handler(unittest.TestCase):
    def test_reads_its_settings_from_the_environment(self):
        environment = {"BUCKET_UPLOADS": BUCKET, "IDEMPOTENCY_TABLE": "dev-ingest-idempotency", "SPOOL_MAX_MEMORY_MB": "128",
                       "MAX_OBJECT_MB": "256", "IDEMPOTENCY_TTL_DAYS": "7", "METRICS_NAMESPACE": "S3Ingest",
                       "AWS_LAMBDA_FUNCTION_NAME": "dev-ingest"}
        dynamodb = mock.Mock()
        with mock.patch.dict(os.environ, environment), \
                mock.patch.object(ingest, "clients", return_value=(FakeS3(b"a\nb\n"), dynamodb)), redirect_stdout(io.StringIO()):
            self.assertEqual(ingest.handler({"Records": [message("m", record())]}, None), {"batchItemFailures": []})
            settings = ingest.Settings.from_env(os.environ)
        self.assertEqual((settings.spool_bytes, settings.max_object_bytes, settings.ttl_seconds), (128 * ingest.MIB, 256 * ingest.MIB, 7 * 86400))
        self.assertEqual(dynamodb.put_item.call_args.kwargs["TableName"], "dev-ingest-idempotency")
        self.assertIn('"records": 2', dynamodb.update_item.call_args.kwargs["ExpressionAttributeValues"][":data"]["S"])


if __name__ == "__main__":
    unittest.main()
