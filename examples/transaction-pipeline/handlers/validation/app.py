"""Transaction validation, the first step of the transaction pipeline.

Checks that a transaction is well formed, records its state in the state table and, when it is
not, sends it to the dead-letter queue for a person to look at and fails the step (the workflow's
catch ends the execution in HandleFailure).
"""

import json
import os
import time
from decimal import Decimal, InvalidOperation

CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY"}
REQUIRED = ("transaction_id", "account_id", "amount", "currency")


class InvalidTransaction(Exception):
    """Raised for a transaction that must not go further; its message lists every problem."""


def problems(tx):
    found = [f"missing {field}" for field in REQUIRED if field not in tx]
    try:
        if "amount" in tx and Decimal(str(tx["amount"])) <= 0:
            found.append("amount must be positive")
    except InvalidOperation:
        found.append("amount is not a number")
    if "currency" in tx and tx["currency"] not in CURRENCIES:
        found.append(f"unsupported currency {tx['currency']}")
    return found


def handler(event, context, aws=None):
    aws = aws or Aws()
    found = problems(event)
    state = "REJECTED" if found else "VALIDATED"
    if "transaction_id" in event:
        aws.record(event["transaction_id"], state, found)
    if found:
        aws.dead_letter({"stage": "validation", "transaction": event, "problems": found})
        raise InvalidTransaction("; ".join(found))
    return {"valid": True, "state": state}


class Aws:
    """The AWS calls this step makes, created on first use so tests need no boto3."""

    def __init__(self):
        import boto3

        self.table = boto3.resource("dynamodb").Table(os.environ["DYNAMODB_TABLE"])
        self.sqs = boto3.client("sqs")

    def record(self, transaction_id, state, notes):
        item = {"transaction_id": transaction_id, "timestamp": int(time.time() * 1000), "state": state}
        self.table.put_item(Item={**item, "notes": notes} if notes else item)

    def dead_letter(self, body):
        self.sqs.send_message(QueueUrl=os.environ["DLQ_URL"], MessageBody=json.dumps(body, default=str))
