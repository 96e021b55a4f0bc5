"""ingest: objects uploaded to the uploads bucket, read once each.

S3 announces every created object to the ingest-events queue; Lambda polls the queue and calls
`handler` with up to 10 messages (spec/ingest.yaml). For each object in each message the function
  1. validates the notification (shape, event type, bucket) and sanitises the object key,
  2. derives an idempotency key from bucket, key and version id (the same upload delivered twice,
     by S3 or by SQS, gets the same key; a new upload of the same key is a new version, a new key),
  3. claims that key in the idempotency table with a conditional write; a key already COMPLETED is
     skipped as a duplicate, one IN_PROGRESS in another invocation is retried later,
  4. streams the object into a SpooledTemporaryFile (memory first, /tmp past SPOOL_MAX_MEMORY_MB),
     computing its size, SHA-256 and record (line) count, and refuses objects over MAX_OBJECT_MB,
  5. marks the key COMPLETED with that summary, or releases it when processing failed.
Only the messages that failed are returned as batchItemFailures (partial batch response), so SQS
retries just those; after 3 receives they move to the dead-letter queue.

Step 4 is where a real ingest parses and loads the file: `process_object` hands over a seekable file.

Logs are JSON lines; counts go out as one CloudWatch embedded-metric-format line per invocation
(namespace METRICS_NAMESPACE), which CloudWatch turns into metrics without any API call.

Environment (set by gen from spec/ingest.yaml and environments/<env>.yaml):
  BUCKET_UPLOADS        the only bucket this function reads
  IDEMPOTENCY_TABLE     idempotency table name
  SPOOL_MAX_MEMORY_MB   bytes kept in memory before spilling to /tmp (default 128)
  MAX_OBJECT_MB         largest object accepted (default 256)
  IDEMPOTENCY_TTL_DAYS  how long a processed object is remembered (default 7)
  METRICS_NAMESPACE     CloudWatch namespace of the custom metrics (default S3Ingest)
  LOG_LEVEL             logging level (default INFO)

Only boto3, which the Lambda Python runtime provides, is needed; it is imported on first use so that
everything else can be tested without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Mapping
from urllib.parse import unquote_plus

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO").upper())

MIB = 1024 * 1024
CHUNK_BYTES = MIB
MAX_KEY_BYTES = 1024  # S3's own limit for a key, in UTF-8 bytes
IN_PROGRESS, COMPLETED = "IN_PROGRESS", "COMPLETED"


class PermanentError(ValueError):
    """Retrying will not help; the message reaches the dead-letter queue after its receives."""


class InvalidMessage(PermanentError):
    """The queue message is not an S3 object-created notification this function accepts."""


class ObjectTooLarge(PermanentError):
    """The object is larger than MAX_OBJECT_MB."""


class InProgressElsewhere(Exception):
    """Another invocation holds the claim on this object; the message is retried later."""


@dataclass(frozen=True)
class ObjectRef:
    bucket: str
    key: str
    size: int
    version_id: str | None
    sequencer: str | None
    event_name: str

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


@dataclass(frozen=True)
class Settings:
    bucket: str
    table: str
    spool_bytes: int = 128 * MIB
    max_object_bytes: int = 256 * MIB
    ttl_seconds: int = 7 * 86400
    namespace: str = "S3Ingest"
    function_name: str = "ingest"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        return cls(
            bucket=env["BUCKET_UPLOADS"],
            table=env["IDEMPOTENCY_TABLE"],
            spool_bytes=int(env.get("SPOOL_MAX_MEMORY_MB", 128)) * MIB,
            max_object_bytes=int(env.get("MAX_OBJECT_MB", 256)) * MIB,
            ttl_seconds=int(env.get("IDEMPOTENCY_TTL_DAYS", 7)) * 86400,
            namespace=env.get("METRICS_NAMESPACE", "S3Ingest"),
            function_name=env.get("AWS_LAMBDA_FUNCTION_NAME", "ingest"),
        )


# --------------------------------------------------------------------------------------------------
# Pure logic: message validation, key sanitisation, idempotency keys, metrics


def sanitize_key(raw: Any) -> str:
    """The object key from a notification: URL-decoded (S3 encodes it, spaces as '+'), then checked.

    Refused: empty keys, keys over 1024 bytes, control characters (log and header injection) and
    '.'/'..' path segments or a leading '/' (path traversal once a key becomes a file path downstream).
    """
    if not isinstance(raw, str) or not raw:
        raise InvalidMessage("object key is missing")
    key = unquote_plus(raw)
    if not key:
        raise InvalidMessage("object key is empty")
    if len(key.encode("utf-8")) > MAX_KEY_BYTES:
        raise InvalidMessage("object key is longer than 1024 bytes")
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in key):
        raise InvalidMessage(f"object key {key!r} contains control characters")
    if key.startswith("/") or any(part in (".", "..") for part in key.split("/")):
        raise InvalidMessage(f"object key {key!r} contains a path traversal segment")
    return key


def parse_record(record: Any) -> ObjectRef:
    if not isinstance(record, Mapping):
        raise InvalidMessage("record must be an object")
    if record.get("eventSource") != "aws:s3":
        raise InvalidMessage(f"eventSource {record.get('eventSource')!r} is not aws:s3")
    event_name = record.get("eventName")
    if not isinstance(event_name, str) or not event_name.startswith("ObjectCreated:"):
        raise InvalidMessage(f"eventName {event_name!r} is not an ObjectCreated event")
    s3 = record.get("s3")
    if not isinstance(s3, Mapping) or not isinstance(s3.get("bucket"), Mapping) or not isinstance(s3.get("object"), Mapping):
        raise InvalidMessage("record has no s3.bucket and s3.object")
    bucket, obj = s3["bucket"].get("name"), s3["object"]
    if not isinstance(bucket, str) or not bucket:
        raise InvalidMessage("s3.bucket.name is missing")
    size = obj.get("size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise InvalidMessage(f"s3.object.size {size!r} is not a byte count")
    version_id = obj.get("versionId") or None
    sequencer = obj.get("sequencer") or None
    if version_id is None and sequencer is None:
        raise InvalidMessage("record has neither s3.object.versionId nor s3.object.sequencer")
    return ObjectRef(bucket=bucket, key=sanitize_key(obj.get("key")), size=size,
                     version_id=version_id, sequencer=sequencer, event_name=event_name)


def parse_message(body: Any) -> list[ObjectRef]:
    """The objects one SQS message announces; [] for S3's test event (sent once when the notification
    configuration is saved)."""
    try:
        payload = json.loads(body) if isinstance(body, (str, bytes)) else None
    except ValueError as error:
        raise InvalidMessage("message body is not JSON") from error
    if not isinstance(payload, Mapping):
        raise InvalidMessage("message body is not a JSON object")
    if payload.get("Event") == "s3:TestEvent":
        return []
    records = payload.get("Records")
    if not isinstance(records, list) or not records:
        raise InvalidMessage("message has no Records")
    return [parse_record(record) for record in records]


def idempotency_key(ref: ObjectRef) -> str:
    """SHA-256 (hex) identifying one version of one object.

    The version id is the identity on a versioned bucket (every gen bucket is versioned): a duplicate
    delivery of the same upload repeats it, a new upload of the same key does not. Without one, S3's
    sequencer, which orders events for one key, identifies the upload instead.
    """
    identity = f"version:{ref.version_id}" if ref.version_id else f"sequencer:{ref.sequencer}"
    return hashlib.sha256("\n".join(("s3", ref.bucket, ref.key, identity)).encode("utf-8")).hexdigest()


def error_code(error: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError, without importing botocore."""
    response = getattr(error, "response", None) or {}
    return response.get("Error", {}).get("Code")


def metrics_line(namespace: str, function_name: str, counts: Mapping[str, int], now_ms: int) -> str:
    """One CloudWatch embedded metric format record (counts, plus BytesProcessed in bytes)."""
    names = sorted(counts)
    return json.dumps({
        "_aws": {
            "Timestamp": now_ms,
            "CloudWatchMetrics": [{
                "Namespace": namespace,
                "Dimensions": [["FunctionName"]],
                "Metrics": [{"Name": name, "Unit": "Bytes" if name == "BytesProcessed" else "Count"} for name in names],
            }],
        },
        "FunctionName": function_name,
        **{name: counts[name] for name in names},
    }, sort_keys=True)


def log(level: int, message: str, **fields: Any) -> None:
    logger.log(level, json.dumps({"level": logging.getLevelName(level), "message": message, **fields}, default=str))


def context_fields(context: Any) -> dict:
    """What is safe and useful to log from the Lambda context (and nothing when there is none)."""
    return {name: getattr(context, attr) for name, attr in
            (("requestId", "aws_request_id"), ("function", "function_name")) if isinstance(getattr(context, attr, None), str)}


# --------------------------------------------------------------------------------------------------
# Idempotency table (low-level DynamoDB client: boto3's in Lambda, a mock in tests)


class IdempotencyStore:
    def __init__(self, client: Any, table: str, ttl_seconds: int, clock: Callable[[], float] = time.time):
        self.client, self.table, self.ttl_seconds, self.clock = client, table, ttl_seconds, clock

    def begin(self, key: str, ref: ObjectRef, lease_ms: int) -> str:
        """Claim the key: 'claimed', or 'completed' (processed before), or 'in_progress' (claimed by a
        running invocation). A claim whose invocation ended without releasing it (a timeout) lapses
        after lease_ms and can be taken over."""
        now_ms = int(self.clock() * 1000)
        try:
            self.client.put_item(
                TableName=self.table,
                Item={
                    "id": {"S": key},
                    "status": {"S": IN_PROGRESS},
                    "in_progress_expiration": {"N": str(now_ms + lease_ms)},
                    "expiration": {"N": str(now_ms // 1000 + self.ttl_seconds)},
                    "object_uri": {"S": ref.uri},
                },
                ConditionExpression="attribute_not_exists(#id) OR (#status = :in_progress AND in_progress_expiration < :now)",
                ExpressionAttributeNames={"#id": "id", "#status": "status"},
                ExpressionAttributeValues={":in_progress": {"S": IN_PROGRESS}, ":now": {"N": str(now_ms)}},
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except Exception as error:  # noqa: BLE001 - only a failed condition is an answer
            if error_code(error) != "ConditionalCheckFailedException":
                raise
            existing = (getattr(error, "response", None) or {}).get("Item", {})
            return "completed" if existing.get("status", {}).get("S") == COMPLETED else "in_progress"
        return "claimed"

    def complete(self, key: str, result: Mapping[str, Any]) -> None:
        self.client.update_item(
            TableName=self.table,
            Key={"id": {"S": key}},
            UpdateExpression="SET #status = :completed, #data = :data REMOVE in_progress_expiration",
            ExpressionAttributeNames={"#status": "status", "#data": "data"},
            ExpressionAttributeValues={":completed": {"S": COMPLETED}, ":data": {"S": json.dumps(result, sort_keys=True)}},
        )

    def release(self, key: str) -> None:
        """Drop our claim after a failure so the retry can claim again; never drop a completed record."""
        try:
            self.client.delete_item(
                TableName=self.table,
                Key={"id": {"S": key}},
                ConditionExpression="#status = :in_progress",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues={":in_progress": {"S": IN_PROGRESS}},
            )
        except Exception as error:  # noqa: BLE001 - releasing is best effort; the lease lapses anyway
            log(logging.WARNING, "could not release idempotency claim", key=key, error=str(error))


# --------------------------------------------------------------------------------------------------
# Reading one object


def process_object(s3: Any, ref: ObjectRef, settings: Settings) -> dict:
    """Stream the object through a SpooledTemporaryFile; summary of what was read."""
    if ref.size > settings.max_object_bytes:
        raise ObjectTooLarge(f"{ref.uri} is {ref.size} bytes, over {settings.max_object_bytes}")
    request = {"Bucket": ref.bucket, "Key": ref.key}
    if ref.version_id:
        request["VersionId"] = ref.version_id
    try:
        response = s3.get_object(**request)
    except Exception as error:  # noqa: BLE001
        if error_code(error) in ("NoSuchKey", "NoSuchVersion"):
            # Deleted for good before we got to it: nothing to ingest, and retrying will not change that.
            return {"status": "missing", "object": ref.uri}
        raise
    if int(response.get("ContentLength") or 0) > settings.max_object_bytes:
        raise ObjectTooLarge(f"{ref.uri} is {response['ContentLength']} bytes, over {settings.max_object_bytes}")

    digest, size, newlines, last = hashlib.sha256(), 0, 0, b""
    body = response["Body"]
    with tempfile.SpooledTemporaryFile(max_size=settings.spool_bytes) as spool:
        for chunk in iter(lambda: body.read(CHUNK_BYTES), b""):
            size += len(chunk)
            if size > settings.max_object_bytes:
                raise ObjectTooLarge(f"{ref.uri} grew past {settings.max_object_bytes} bytes while reading")
            digest.update(chunk)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
            spool.write(chunk)
        spool.seek(0)
        # A real ingest parses and loads `spool` here (a seekable binary file holding the object).
    records = newlines + (1 if size and last != b"\n" else 0)
    return {"status": "processed", "object": ref.uri, "versionId": ref.version_id,
            "bytes": size, "sha256": digest.hexdigest(), "records": records}


def handle_object(ref: ObjectRef, s3: Any, store: IdempotencyStore, settings: Settings, lease_ms: int) -> tuple[str, int]:
    """('processed' | 'duplicate' | 'missing', bytes read) for one object; raises on failure."""
    if ref.bucket != settings.bucket:
        raise InvalidMessage(f"notification for bucket {ref.bucket!r}, this function reads {settings.bucket!r} only")
    key = idempotency_key(ref)
    state = store.begin(key, ref, lease_ms)
    if state == "completed":
        log(logging.INFO, "duplicate notification, already processed", object=ref.uri, versionId=ref.version_id)
        return "duplicate", 0
    if state == "in_progress":
        raise InProgressElsewhere(f"{ref.uri} is being processed by another invocation")
    try:
        result = process_object(s3, ref, settings)
    except Exception:
        store.release(key)
        raise
    store.complete(key, result)
    log(logging.INFO, "object ingested", **result)
    return result["status"], int(result.get("bytes", 0))


def handle_batch(event: Mapping[str, Any], context: Any, *, s3: Any, store: IdempotencyStore,
                 settings: Settings, clock: Callable[[], float] = time.time) -> dict:
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    lease_ms = int(remaining()) if callable(remaining) else 60_000
    counts: Counter = Counter()
    failures = []
    for message in event.get("Records") or []:
        message_id = message.get("messageId")
        try:
            refs = parse_message(message.get("body"))
            if not refs:
                counts["TestEvents"] += 1
            for ref in refs:
                outcome, size = handle_object(ref, s3, store, settings, lease_ms)
                counts[{"processed": "ObjectsProcessed", "duplicate": "Duplicates", "missing": "ObjectsMissing"}[outcome]] += 1
                counts["BytesProcessed"] += size
        except Exception as error:  # noqa: BLE001 - one failed message must not fail the batch
            counts["MessagesFailed"] += 1
            failures.append({"itemIdentifier": message_id})
            log(logging.WARNING if isinstance(error, InProgressElsewhere) else logging.ERROR,
                "message failed", messageId=message_id, error=f"{type(error).__name__}: {error}",
                permanent=isinstance(error, PermanentError), **context_fields(context))
    print(metrics_line(settings.namespace, settings.function_name, counts, int(clock() * 1000)))
    return {"batchItemFailures": failures}


# --------------------------------------------------------------------------------------------------
# Lambda entry point

_clients: tuple[Any, Any] | None = None


def clients() -> tuple[Any, Any]:
    """boto3 S3 and DynamoDB clients, made once per execution environment."""
    global _clients
    if _clients is None:
        import boto3  # provided by the Lambda runtime

        _clients = (boto3.client("s3"), boto3.client("dynamodb"))
    return _clients


def handler(event: Mapping[str, Any], context: Any) -> dict:
    settings = Settings.from_env(os.environ)
    s3, dynamodb = clients()
    store = IdempotencyStore(dynamodb, settings.table, settings.ttl_seconds)
    return handle_batch(event, context, s3=s3, store=store, settings=settings)
