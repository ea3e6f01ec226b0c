"""The flow's decisions: data validation, the better-than-champion gate, the drift threshold, the canary verdict."""
import math
import unittest

from decisions import Column, canary_verdict, drift_retrains, drift_share, is_better, logged_rows, validate

SCHEMA = {
    "amount": Column("number", minimum=0, maximum=10_000),
    "country": Column("category", values=("DE", "FR", "US")),
    "age": Column("number", minimum=18, nullable=True),
}


class ValidateTests(unittest.TestCase):
    def test_rows_within_the_schema_pass(self):
        rows = [{"amount": 12.5, "country": "DE", "age": 40}, {"amount": 0, "country": "US", "age": None}]

        self.assertEqual([], validate(rows, SCHEMA))

    def test_each_violation_names_row_column_value_and_rule(self):
        rows = [
            {"amount": -1, "country": "DE", "age": 30},
            {"amount": 20_000, "country": "XX", "age": 17},
            {"amount": "12", "country": "FR"},
            {"amount": math.nan, "country": "US", "age": 50},
        ]

        self.assertEqual(
            [
                "row 0: amount is -1, below its minimum 0",
                "row 1: amount is 20000, above its maximum 10000",
                "row 1: country is 'XX', not one of DE, FR, US",
                "row 1: age is 17, below its minimum 18",
                "row 2: missing column(s) age",
                "row 2: amount is '12', not a number",
                "row 3: amount is empty, and the column takes no empty values",
            ],
            validate(rows, SCHEMA),
        )

    def test_too_few_rows_fail(self):
        self.assertEqual(["1 rows, fewer than the 100 a run trains on"], validate([{"amount": 1, "country": "DE", "age": 20}], SCHEMA, min_rows=100))

    def test_a_boolean_is_not_a_number(self):
        self.assertEqual(["row 0: amount is True, not a number"], validate([{"amount": True, "country": "DE", "age": 20}], SCHEMA))

    def test_an_unknown_kind_is_a_defect_of_the_schema(self):
        with self.assertRaisesRegex(ValueError, "column x: unknown kind 'text'"):
            validate([{"x": "a"}], {"x": Column("text")})


class GateTests(unittest.TestCase):
    def test_a_challenger_must_beat_the_champion_by_the_margin(self):
        self.assertTrue(is_better(0.91, 0.90, margin=0.01))
        self.assertFalse(is_better(0.905, 0.90, margin=0.01))
        self.assertFalse(is_better(0.85, 0.90, margin=0.0))

    def test_the_first_model_has_no_champion_to_beat(self):
        self.assertTrue(is_better(0.5, None, margin=0.05))

    def test_a_negative_margin_is_refused(self):
        with self.assertRaisesRegex(ValueError, "margin -0.1 is negative"):
            is_better(0.9, 0.8, margin=-0.1)


class DriftTests(unittest.TestCase):
    def test_only_a_score_above_the_threshold_retrains(self):
        self.assertTrue(drift_retrains(0.31, threshold=0.3))
        self.assertFalse(drift_retrains(0.3, threshold=0.3))
        self.assertFalse(drift_retrains(0.0, threshold=0.3))

    def test_a_threshold_must_be_positive(self):
        with self.assertRaisesRegex(ValueError, "threshold 0 is not positive"):
            drift_retrains(0.1, threshold=0)


class DriftScoreTests(unittest.TestCase):
    def test_the_score_is_the_share_of_features_that_moved(self):
        self.assertEqual(0.5, drift_share({"f0": 0.001, "f1": 0.2, "f2": 0.04, "f3": 0.9}))
        self.assertEqual(0.0, drift_share({"f0": 0.5}))
        self.assertEqual(0.25, drift_share({"f0": 0.001, "f1": 0.02, "f2": 0.04, "f3": 0.9}, alpha=0.01))

    def test_no_features_or_a_bad_alpha_are_refused(self):
        with self.assertRaisesRegex(ValueError, "no features to test"):
            drift_share({})
        with self.assertRaisesRegex(ValueError, "alpha 1 is not a probability"):
            drift_share({"f0": 0.5}, alpha=1)

    def test_logged_rows_are_the_requests_tensors_row_by_row(self):
        events = [
            {"Ce-Type": "org.kubeflow.serving.inference.request", "inputs": [{"name": "input-0", "shape": [2, 2], "datatype": "FP64", "data": [1, 2, 3, 4]}]},
            {"Ce-Type": "org.kubeflow.serving.inference.response", "outputs": [{"name": "output-0", "shape": [2], "data": [0, 1]}]},
            {"Ce-Type": "org.kubeflow.serving.inference.request", "inputs": [{"name": "input-0", "shape": [1, 2], "datatype": "FP64", "data": [5, 6]}]},
        ]

        self.assertEqual([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], logged_rows(events))

    def test_a_tensor_that_does_not_fill_its_shape_is_refused(self):
        with self.assertRaisesRegex(ValueError, "holds 3 values, not its shape \\[2, 2\\]"):
            logged_rows([{"Ce-Type": "org.kubeflow.serving.inference.request", "inputs": [{"name": "x", "shape": [2, 2], "data": [1, 2, 3]}]}])


class CanaryTests(unittest.TestCase):
    def test_a_failed_smoke_test_rolls_back(self):
        self.assertEqual("rollback", canary_verdict(False, requests=0, errors=0, max_error_rate=0.01, min_requests=100))

    def test_too_many_errors_roll_back_even_before_enough_requests(self):
        self.assertEqual("rollback", canary_verdict(True, requests=50, errors=2, max_error_rate=0.01, min_requests=100))

    def test_enough_good_requests_promote_and_fewer_wait(self):
        self.assertEqual("promote", canary_verdict(True, requests=200, errors=1, max_error_rate=0.01, min_requests=100))
        self.assertEqual("wait", canary_verdict(True, requests=20, errors=0, max_error_rate=0.01, min_requests=100))

    def test_impossible_counts_and_rates_are_refused(self):
        with self.assertRaisesRegex(ValueError, "3 errors out of 2 requests"):
            canary_verdict(True, requests=2, errors=3, max_error_rate=0.01, min_requests=1)
        with self.assertRaisesRegex(ValueError, "max error rate 1.5 is not a fraction"):
            canary_verdict(True, requests=2, errors=0, max_error_rate=1.5, min_requests=1)


if __name__ == "__main__":
    unittest.main()
