"""market-processor: market data events from EventBridge into DynamoDB, with an audit trail.

EventBridge invokes this function for the two rules of spec/events.yaml:
  trade-events  detail-type "Trade Execution" | "Trade Update"
  quote-events  detail-type "Market Quote"    | "Price Update"

For each event it
  1. writes an audit record (audit-trail table, status RECEIVED),
  2. validates the event and turns it into a market-data item (numbers as Decimal, TTL in 30 days),
  3. stores the item once: a conditional put keyed by the EventBridge event id, so a redelivered
     event (EventBridge and Lambda both retry) is recorded as DUPLICATE instead of written twice,
  4. sets the audit record's final status: PROCESSED, DUPLICATE, INVALID or FAILED.

Invalid events and failures raise after being audited, so they count as function errors (alarm) and,
after Lambda's asynchronous retries, land in the dead-letter queue with the original event.

Environment (set by gen from spec/market-data.yaml):
  MARKET_DATA_TABLE, AUDIT_TRAIL_TABLE  table names
  ENVIRONMENT                           environment name, recorded in the audit trail
  MARKET_DATA_TTL_DAYS                  days before a market-data item expires (default 30)
  LOG_LEVEL                             logging level (default INFO)

Only boto3, which the Lambda Python runtime provides, is needed; it is imported on first use so that
the pure functions below can be tested without it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO").upper())

TRADE_TYPES = ("Trade Execution", "Trade Update")
QUOTE_TYPES = ("Market Quote", "Price Update")
EVENT_TYPES = TRADE_TYPES + QUOTE_TYPES

# Fields each detail-type must carry (besides exchange and symbol, which every event needs: they are the
# partition keys of ExchangeIndex and SymbolIndex).
REQUIRED_NUMBERS = {
    "Trade Execution": ("price", "volume"),
    "Trade Update": (),
    "Market Quote": (),  # but at least one of bid, ask, price (checked below)
    "Price Update": ("price",),
}
NUMERIC_FIELDS = ("price", "volume", "bid", "ask", "bid_size", "ask_size", "quantity")
NON_NEGATIVE = set(NUMERIC_FIELDS)
STRING_FIELDS = ("trade_id", "side", "currency")
NAME_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._/:-]{0,31}$")  # NYSE, AAPL, BRK.B, BTC/USD, BTC-USD

DEFAULT_TTL_DAYS = 30


class InvalidEvent(ValueError):
    """The event cannot be stored as it is; retrying will not help."""


# --------------------------------------------------------------------------------------------------
# Pure logic: validation and item building


def iso_utc(moment: datetime) -> str:
    """2024-05-01T13:45:00.123Z: millisecond precision, UTC, sorts as text."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(value: Any) -> datetime:
    """An ISO 8601 time with a zone (EventBridge's `time`, or the producer's own `timestamp`)."""
    if not isinstance(value, str) or not value:
        raise InvalidEvent(f"time must be an ISO 8601 string, got {value!r}")
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise InvalidEvent(f"time {value!r} is not ISO 8601") from error
    if moment.tzinfo is None:
        raise InvalidEvent(f"time {value!r} has no time zone")
    return moment.astimezone(timezone.utc)


def to_decimal(name: str, value: Any) -> Decimal:
    """A finite number (or numeric string) as Decimal, which is what DynamoDB stores exactly."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidEvent(f"{name} must be a number, got {value!r}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as error:
        raise InvalidEvent(f"{name} must be a number, got {value!r}") from error
    if not number.is_finite():
        raise InvalidEvent(f"{name} must be finite, got {value!r}")
    if name in NON_NEGATIVE and number < 0:
        raise InvalidEvent(f"{name} must not be negative, got {value!r}")
    return number


def to_dynamo(value: Any) -> Any:
    """Nested JSON as DynamoDB accepts it: floats become Decimal (boto3 refuses float)."""
    def reject(constant: str) -> Any:
        raise InvalidEvent(f"detail holds {constant}, which is not a number DynamoDB can store")

    return json.loads(json.dumps(value), parse_float=Decimal, parse_int=Decimal, parse_constant=reject)


def normalise_name(field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidEvent(f"detail.{field} is required and must be a non-empty string")
    name = value.strip().upper()
    if not NAME_PATTERN.match(name):
        raise InvalidEvent(f"detail.{field} {value!r} is not a valid {field} code")
    return name


def build_market_item(event: Mapping[str, Any], now: datetime, ttl_days: int = DEFAULT_TTL_DAYS) -> dict:
    """The market-data item for one EventBridge event; raises InvalidEvent."""
    if not isinstance(event, Mapping):
        raise InvalidEvent("event must be an object")
    event_type = event.get("detail-type")
    if event_type not in EVENT_TYPES:
        raise InvalidEvent(f"detail-type {event_type!r} is not one of {', '.join(EVENT_TYPES)}")
    event_id = event.get("id")
    if not isinstance(event_id, str) or not event_id:
        raise InvalidEvent("event id is missing")
    detail = event.get("detail")
    if not isinstance(detail, Mapping):
        raise InvalidEvent("detail must be an object")

    # The producer's own time if it sends one (when the trade happened), else when EventBridge got it.
    moment = parse_time(detail["timestamp"]) if "timestamp" in detail else parse_time(event.get("time"))

    item: dict[str, Any] = {
        "event_id": event_id,
        "timestamp": iso_utc(moment),
        "event_type": event_type,
        "category": "trade" if event_type in TRADE_TYPES else "quote",
        "source": str(event.get("source", "")),
        "exchange": normalise_name("exchange", detail.get("exchange")),
        "symbol": normalise_name("symbol", detail.get("symbol")),
        "received_at": iso_utc(now),
        "expires_at": int((now + timedelta(days=ttl_days)).timestamp()),
        "detail": to_dynamo(dict(detail)),
    }
    for field in REQUIRED_NUMBERS[event_type]:
        if detail.get(field) is None:
            raise InvalidEvent(f"{event_type} needs detail.{field}")
    if event_type == "Market Quote" and all(detail.get(f) is None for f in ("bid", "ask", "price")):
        raise InvalidEvent("Market Quote needs detail.bid, detail.ask or detail.price")
    for field in NUMERIC_FIELDS:
        if detail.get(field) is not None:
            item[field] = to_decimal(field, detail[field])
    for field in STRING_FIELDS:
        if isinstance(detail.get(field), str) and detail[field]:
            item[field] = detail[field]
    if "bid" in item and "ask" in item and item["bid"] > item["ask"]:
        raise InvalidEvent(f"bid {item['bid']} is above ask {item['ask']}")
    return item


def audit_item(event: Any, audit_id: str, now: datetime, environment: str) -> dict:
    """The audit record written before anything else, so even unreadable events leave a trace."""
    event = event if isinstance(event, Mapping) else {}
    event_type = event.get("detail-type")
    return {
        "audit_id": audit_id,
        "timestamp": iso_utc(now),
        # EventTypeIndex's partition key: never empty.
        "event_type": event_type if isinstance(event_type, str) and event_type else "Unknown",
        "event_id": str(event.get("id", "")),
        "source": str(event.get("source", "")),
        "environment": environment,
        "status": "RECEIVED",
    }


def is_conditional_failure(error: BaseException) -> bool:
    """botocore's ClientError for a failed condition, recognised without importing botocore."""
    response = getattr(error, "response", None) or {}
    return response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


# --------------------------------------------------------------------------------------------------
# Processing, with the tables passed in (boto3 Table objects in Lambda, fakes in tests)


def process_event(event: Any, market_table: Any, audit_table: Any, *, environment: str,
                  ttl_days: int = DEFAULT_TTL_DAYS, now: datetime | None = None) -> dict:
    now = now or datetime.now(timezone.utc)
    audit = audit_item(event, str(uuid.uuid4()), now, environment)
    audit_table.put_item(Item=audit)
    key = {"audit_id": audit["audit_id"], "timestamp": audit["timestamp"]}

    def finish(status: str, error: str | None = None) -> None:
        names = {"#status": "status"}
        values: dict[str, Any] = {":status": status, ":finished": iso_utc(datetime.now(timezone.utc))}
        expression = "SET #status = :status, finished_at = :finished"
        if error is not None:
            expression += ", #error = :error"
            names["#error"] = "error"
            values[":error"] = error[:1000]
        audit_table.update_item(Key=key, UpdateExpression=expression,
                                ExpressionAttributeNames=names, ExpressionAttributeValues=values)

    try:
        item = build_market_item(event, now, ttl_days)
    except InvalidEvent as error:
        finish("INVALID", str(error))
        logger.error(json.dumps({"message": "invalid event", "audit_id": audit["audit_id"],
                                 "event_id": audit["event_id"], "error": str(error)}))
        raise

    try:
        market_table.put_item(Item=item, ConditionExpression="attribute_not_exists(event_id)")
    except Exception as error:  # noqa: BLE001 - classified, audited, re-raised unless a duplicate
        if is_conditional_failure(error):
            finish("DUPLICATE")
            logger.info(json.dumps({"message": "duplicate event", "event_id": item["event_id"]}))
            return {"status": "DUPLICATE", "event_id": item["event_id"], "audit_id": audit["audit_id"]}
        finish("FAILED", f"{type(error).__name__}: {error}")
        raise

    finish("PROCESSED")
    logger.info(json.dumps({"message": "stored", "event_id": item["event_id"], "event_type": item["event_type"],
                            "exchange": item["exchange"], "symbol": item["symbol"]}))
    return {"status": "PROCESSED", "event_id": item["event_id"], "audit_id": audit["audit_id"]}


# --------------------------------------------------------------------------------------------------
# Lambda entry point

_tables: tuple[Any, Any] | None = None


def tables() -> tuple[Any, Any]:
    """The two boto3 Table objects, made once per execution environment."""
    global _tables
    if _tables is None:
        import boto3  # provided by the Lambda runtime

        dynamodb = boto3.resource("dynamodb")
        _tables = (dynamodb.Table(os.environ["MARKET_DATA_TABLE"]), dynamodb.Table(os.environ["AUDIT_TRAIL_TABLE"]))
    return _tables


def lambda_handler(event: Any, context: Any) -> dict:
    market_table, audit_table = tables()
    return process_event(
        event, market_table, audit_table,
        environment=os.environ.get("ENVIRONMENT", "unknown"),
        ttl_days=int(os.environ.get("MARKET_DATA_TTL_DAYS", DEFAULT_TTL_DAYS)),
    )
