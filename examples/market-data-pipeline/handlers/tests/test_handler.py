"""Unit tests for handlers/handler.py: standard library only, no AWS, no boto3.

Run from the example folder:  python3 -m unittest discover -s handlers/tests
"""

import logging
import os
import sys
import unittest
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import handler  # noqa: E402



def setUpModule():
    logging.disable(logging.CRITICAL)  # the handler logs JSON lines; keep test output readable


def tearDownModule():
    logging.disable(logging.NOTSET)


NOW = datetime(2024, 5, 1, 13, 45, 0, 123456, tzinfo=timezone.utc)


def trade(**detail):
    base = {"exchange": "nyse", "symbol": "aapl", "price": 150.25, "volume": 1000}
    base.update(detail)
    return {
        "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "Trade Execution",
        "source": "market.data", "account": "111122223333", "time": "2024-05-01T13:44:59Z",
        "region": "us-east-1", "resources": [], "detail": base,
    }


class ConditionFailed(Exception):
    """Shaped like botocore's ClientError for a failed condition."""

    def __init__(self):
        super().__init__("The conditional request failed")
        self.response = {"Error": {"Code": "ConditionalCheckFailedException", "Message": "failed"}}


class BuildMarketItem(unittest.TestCase):
    def test_trade_item_has_keys_index_attributes_decimals_and_ttl(self):
        item = handler.build_market_item(trade(), NOW)
        self.assertEqual(item["event_id"], "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
        self.assertEqual(item["timestamp"], "2024-05-01T13:44:59.000Z")  # EventBridge time, normalised
        self.assertEqual((item["exchange"], item["symbol"]), ("NYSE", "AAPL"))  # ExchangeIndex, SymbolIndex keys
        self.assertEqual(item["price"], Decimal("150.25"))  # exact, not 150.24999...
        self.assertEqual(item["volume"], Decimal("1000"))
        self.assertEqual(item["category"], "trade")
        self.assertEqual(item["expires_at"], int((NOW + timedelta(days=30)).timestamp()))
        self.assertEqual(item["detail"]["price"], Decimal("150.25"))
        self.assertNotIn(float, {type(v) for v in item.values()})

    def test_ttl_days_is_configurable(self):
        item = handler.build_market_item(trade(), NOW, ttl_days=7)
        self.assertEqual(item["expires_at"], int((NOW + timedelta(days=7)).timestamp()))

    def test_producer_timestamp_wins_and_is_converted_to_utc(self):
        item = handler.build_market_item(trade(timestamp="2024-05-01T15:44:59.5+02:00"), NOW)
        self.assertEqual(item["timestamp"], "2024-05-01T13:44:59.500Z")

    def test_each_detail_type_needs_its_fields(self):
        cases = {
            "Trade Execution": ({"exchange": "NYSE", "symbol": "AAPL", "price": 1}, "volume"),
            "Price Update": ({"exchange": "NYSE", "symbol": "AAPL"}, "price"),
            "Market Quote": ({"exchange": "NYSE", "symbol": "AAPL"}, "bid"),
        }
        for detail_type, (detail, missing) in cases.items():
            with self.subTest(detail_type):
                event = dict(trade(), **{"detail-type": detail_type, "detail": detail})
                with self.assertRaisesRegex(handler.InvalidEvent, missing):
                    handler.build_market_item(event, NOW)

    def test_quote_and_update_are_accepted(self):
        quote = dict(trade(), **{"detail-type": "Market Quote",
                                 "detail": {"exchange": "NASDAQ", "symbol": "BTC/USD", "bid": "64000.5", "ask": 64001}})
        item = handler.build_market_item(quote, NOW)
        self.assertEqual((item["category"], item["bid"], item["ask"]), ("quote", Decimal("64000.5"), Decimal("64001")))
        update = dict(trade(), **{"detail-type": "Trade Update",
                                  "detail": {"exchange": "NYSE", "symbol": "BRK.B", "trade_id": "t-1"}})
        self.assertEqual(handler.build_market_item(update, NOW)["trade_id"], "t-1")

    def test_rejects_bad_values(self):
        bad = {
            "unknown detail-type": dict(trade(), **{"detail-type": "Order Placed"}),
            "missing symbol": trade(symbol=None),
            "empty exchange": trade(exchange="  "),
            "boolean price": trade(price=True),
            "text price": trade(price="cheap"),
            "infinite price": trade(price=float("inf")),
            "negative volume": trade(volume=-1),
            "crossed quote": dict(trade(), **{"detail-type": "Market Quote",
                                              "detail": {"exchange": "X", "symbol": "Y", "bid": 2, "ask": 1}}),
            "naive time": trade(timestamp="2024-05-01T13:44:59"),
            "detail not an object": dict(trade(), detail="AAPL"),
            "no id": dict(trade(), id=""),
        }
        for name, event in bad.items():
            with self.subTest(name), self.assertRaises(handler.InvalidEvent):
                handler.build_market_item(event, NOW)


class ProcessEvent(unittest.TestCase):
    def setUp(self):
        self.market = mock.Mock()
        self.audit = mock.Mock()

    def run_event(self, event):
        return handler.process_event(event, self.market, self.audit, environment="dev", now=NOW)

    def final_status(self):
        self.assertEqual(self.audit.put_item.call_args.kwargs["Item"]["status"], "RECEIVED")
        return self.audit.update_item.call_args.kwargs["ExpressionAttributeValues"][":status"]

    def test_stores_once_with_a_condition_and_audits(self):
        result = self.run_event(trade())
        self.assertEqual(result["status"], "PROCESSED")
        put = self.market.put_item.call_args.kwargs
        self.assertEqual(put["ConditionExpression"], "attribute_not_exists(event_id)")
        self.assertEqual(put["Item"]["symbol"], "AAPL")
        audit = self.audit.put_item.call_args.kwargs["Item"]
        self.assertEqual((audit["event_type"], audit["environment"]), ("Trade Execution", "dev"))
        self.assertEqual(self.audit.update_item.call_args.kwargs["Key"],
                         {"audit_id": audit["audit_id"], "timestamp": audit["timestamp"]})
        self.assertEqual(self.final_status(), "PROCESSED")

    def test_redelivered_event_is_a_duplicate_not_an_error(self):
        self.market.put_item.side_effect = ConditionFailed()
        self.assertEqual(self.run_event(trade())["status"], "DUPLICATE")
        self.assertEqual(self.final_status(), "DUPLICATE")

    def test_invalid_event_is_audited_then_raised(self):
        with self.assertRaises(handler.InvalidEvent):
            self.run_event(trade(price=None))
        self.market.put_item.assert_not_called()
        self.assertEqual(self.final_status(), "INVALID")

    def test_unreadable_event_still_leaves_an_audit_record(self):
        with self.assertRaises(handler.InvalidEvent):
            self.run_event("not an event")
        self.assertEqual(self.audit.put_item.call_args.kwargs["Item"]["event_type"], "Unknown")

    def test_storage_failure_is_audited_then_raised(self):
        self.market.put_item.side_effect = RuntimeError("throttled")
        with self.assertRaises(RuntimeError):
            self.run_event(trade())
        self.assertEqual(self.final_status(), "FAILED")
        values = self.audit.update_item.call_args.kwargs["ExpressionAttributeValues"]
        self.assertIn("throttled", values[":error"])


class LambdaHandler(unittest.TestCase):
    def test_reads_the_seed_variables(self):
        market, audit = mock.Mock(), mock.Mock()
        environment = {"MARKET_DATA_TABLE": "dev-market-data", "AUDIT_TRAIL_TABLE": "dev-audit-trail",
                       "ENVIRONMENT": "dev", "MARKET_DATA_TTL_DAYS": "30"}
        with mock.patch.dict(os.environ, environment), mock.patch.object(handler, "tables", return_value=(market, audit)):
            self.assertEqual(handler.lambda_handler(trade(), None)["status"], "PROCESSED")
        self.assertEqual(audit.put_item.call_args.kwargs["Item"]["environment"], "dev")


if __name__ == "__main__":
    unittest.main()
