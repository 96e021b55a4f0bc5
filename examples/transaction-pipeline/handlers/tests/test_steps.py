"""Unit tests of the three pipeline steps: standard library only, no AWS, no boto3.

Run from the example folder:  python3 -m unittest discover -s handlers/tests
"""

import importlib.util
import unittest
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[1]


def load(step):
    spec = importlib.util.spec_from_file_location(f"{step}_app", HANDLERS / step / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


validation, fraud, compliance = load("validation"), load("fraud"), load("compliance")


class FakeAws:
    def __init__(self):
        self.records, self.dead_letters, self.alerts = [], [], []

    def record(self, *args):
        self.records.append(args)

    def dead_letter(self, body):
        self.dead_letters.append(body)

    def alert(self, *args):
        self.alerts.append(args)


GOOD = {"transaction_id": "t-1", "account_id": "a-1", "amount": "125.50", "currency": "EUR"}


class Validation(unittest.TestCase):
    def test_a_well_formed_transaction_is_recorded_as_validated(self):
        aws = FakeAws()
        self.assertEqual(validation.handler(GOOD, None, aws), {"valid": True, "state": "VALIDATED"})
        self.assertEqual(aws.records, [("t-1", "VALIDATED", [])])
        self.assertEqual(aws.dead_letters, [])

    def test_every_problem_is_reported_and_the_transaction_goes_to_the_dead_letter_queue(self):
        aws = FakeAws()
        bad = {"transaction_id": "t-2", "amount": "-3", "currency": "XXX"}
        with self.assertRaises(validation.InvalidTransaction) as raised:
            validation.handler(bad, None, aws)
        self.assertEqual(str(raised.exception), "missing account_id; amount must be positive; unsupported currency XXX")
        self.assertEqual(aws.records[0][1], "REJECTED")
        self.assertEqual(aws.dead_letters[0]["stage"], "validation")

    def test_an_amount_that_is_not_a_number_is_a_problem_not_a_crash(self):
        self.assertEqual(validation.problems({**GOOD, "amount": "ten"}), ["amount is not a number"])


class Fraud(unittest.TestCase):
    def test_an_ordinary_transaction_scores_zero_and_alerts_nobody(self):
        aws = FakeAws()
        self.assertEqual(fraud.handler(GOOD, None, aws), {"score": 0, "flagged": False, "reasons": []})
        self.assertEqual(aws.alerts, [])

    def test_a_large_transaction_from_a_high_risk_country_alerts_the_topic(self):
        aws = FakeAws()
        result = fraud.handler({**GOOD, "amount": 25000, "country": "KP"}, None, aws)
        self.assertEqual(result, {"score": 90, "flagged": True, "reasons": ["large amount", "high-risk country"]})
        self.assertEqual(aws.alerts, [("t-1", 90, ["large amount", "high-risk country"])])

    def test_the_score_never_exceeds_100(self):
        tx = {**GOOD, "amount": 50000, "country": "IR", "account_country": "DE", "card_present": False}
        self.assertEqual(fraud.score(tx)[0], 100)


class Compliance(unittest.TestCase):
    def test_a_clean_transaction_is_approved_without_a_report(self):
        aws = FakeAws()
        self.assertEqual(compliance.handler(GOOD, None, aws), {"compliant": True, "state": "APPROVED", "report": False})
        self.assertEqual(aws.records, [("t-1", "APPROVED", False)])

    def test_a_large_transaction_is_approved_and_marked_for_a_report(self):
        self.assertTrue(compliance.handler({**GOOD, "amount": "10000"}, None, FakeAws())["report"])

    def test_a_sanctioned_country_or_a_blocking_fraud_score_stops_the_transaction(self):
        for tx in ({**GOOD, "country": "CU"}, {**GOOD, "fraudResult": {"Payload": {"score": 95}}}):
            aws = FakeAws()
            with self.assertRaises(compliance.NotCompliant):
                compliance.handler(tx, None, aws)
            self.assertEqual(aws.records[0][1], "BLOCKED")


if __name__ == "__main__":
    unittest.main()
