"""Fraud detection, the second step of the transaction pipeline.

Scores a validated transaction with a few transparent rules, records the score and alerts the
fraud team's topic when it crosses the threshold. A flagged transaction is not stopped here: the
compliance step decides, so an alert never loses a transaction.
"""

import json
import os
import time
from decimal import Decimal

THRESHOLD = 70
HIGH_RISK_COUNTRIES = {"KP", "IR", "SY"}


def score(tx):
    """0-100: each rule adds its weight; the reasons say which rules fired."""
    reasons = []
    amount = Decimal(str(tx.get("amount", 0)))
    if amount >= 10000:
        reasons.append(("large amount", 40))
    if tx.get("country") in HIGH_RISK_COUNTRIES:
        reasons.append(("high-risk country", 50))
    if tx.get("card_present") is False and amount >= 1000:
        reasons.append(("card not present", 20))
    if tx.get("country") and tx.get("account_country") and tx["country"] != tx["account_country"]:
        reasons.append(("foreign transaction", 15))
    return min(100, sum(w for _, w in reasons)), [r for r, _ in reasons]


def handler(event, context, aws=None):
    aws = aws or Aws()
    value, reasons = score(event)
    flagged = value >= THRESHOLD
    aws.record(event["transaction_id"], "FRAUD_CHECKED", value)
    if flagged:
        aws.alert(event["transaction_id"], value, reasons)
    return {"score": value, "flagged": flagged, "reasons": reasons}


class Aws:
    """The AWS calls this step makes, created on first use so tests need no boto3."""

    def __init__(self):
        import boto3

        self.table = boto3.resource("dynamodb").Table(os.environ["DYNAMODB_TABLE"])
        self.sns = boto3.client("sns")

    def record(self, transaction_id, state, value):
        item = {"transaction_id": transaction_id, "timestamp": int(time.time() * 1000), "state": state}
        self.table.put_item(Item={**item, "fraud_score": value})

    def alert(self, transaction_id, value, reasons):
        self.sns.publish(
            TopicArn=os.environ["SNS_TOPIC_ARN"],
            Subject=f"Possible fraud: transaction {transaction_id}"[:100],
            Message=json.dumps({"transaction_id": transaction_id, "score": value, "reasons": reasons}),
        )
