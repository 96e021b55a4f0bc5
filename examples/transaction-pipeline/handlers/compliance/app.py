"""Compliance checking, the last step of the transaction pipeline.

Blocks transactions with sanctioned countries or a fraud score the bank never accepts, marks large
cash-equivalent transactions for a regulatory report, and records the final state.
"""

import os
import time
from decimal import Decimal

SANCTIONED = {"KP", "IR", "SY", "CU"}
REPORTING_THRESHOLD = Decimal("10000")
BLOCKING_SCORE = 90


class NotCompliant(Exception):
    """Raised for a transaction that must be stopped; the workflow ends in HandleFailure."""


def decide(tx):
    reasons = []
    if tx.get("country") in SANCTIONED or tx.get("account_country") in SANCTIONED:
        reasons.append("sanctioned country")
    if (tx.get("fraudResult", {}).get("Payload", {}) or {}).get("score", 0) >= BLOCKING_SCORE:
        reasons.append("fraud score above the blocking level")
    report = Decimal(str(tx.get("amount", 0))) >= REPORTING_THRESHOLD
    return reasons, report


def handler(event, context, aws=None):
    aws = aws or Aws()
    reasons, report = decide(event)
    state = "BLOCKED" if reasons else "APPROVED"
    aws.record(event["transaction_id"], state, report)
    if reasons:
        raise NotCompliant("; ".join(reasons))
    return {"compliant": True, "state": state, "report": report}


class Aws:
    """The AWS calls this step makes, created on first use so tests need no boto3."""

    def __init__(self):
        import boto3

        self.table = boto3.resource("dynamodb").Table(os.environ["DYNAMODB_TABLE"])

    def record(self, transaction_id, state, report):
        item = {"transaction_id": transaction_id, "timestamp": int(time.time() * 1000), "state": state}
        self.table.put_item(Item={**item, "report_required": report})
