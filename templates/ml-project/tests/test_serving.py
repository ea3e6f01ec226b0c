"""The InferenceService and the request the deployment sends, from the team's serving-defaults."""
import json
import unittest

from serving import canary_queries, endpoint, inference_service, model_folder, v2_request

DEFAULTS = {
    "clusterUrl": "http://{name}.fraud-detection.svc.cluster.local",
    "endpointUrl": "https://{name}.fraud-detection.models.mlops.example.com",
    "gpuRuntime": "llm-gpu",
    "loggerUrl": "http://inference-logger.fraud-detection.svc.cluster.local",
    "maxReplicas": "3",
    "minReplicas": "1",
    "modelStore": "s3://mlops-prod-teams/fraud-detection/models",
    "runtime": "mlflow",
    "serviceAccount": "models",
}


class InferenceServiceTests(unittest.TestCase):
    def test_a_canary_serves_the_teams_copy_with_its_runtime_account_and_replicas(self):
        manifest = inference_service("fraud-classifier", "fraud-detection", model_folder(DEFAULTS, "fraud-classifier", "7"), DEFAULTS, canary_percent=10)

        self.assertEqual(
            {
                "apiVersion": "serving.kserve.io/v1beta1",
                "kind": "InferenceService",
                "metadata": {"name": "fraud-classifier", "namespace": "fraud-detection", "annotations": {"serving.kserve.io/deploymentMode": "Serverless"}},
                "spec": {
                    "predictor": {
                        "serviceAccountName": "models",
                        "minReplicas": 1,
                        "maxReplicas": 3,
                        "model": {
                            "modelFormat": {"name": "mlflow"},
                            "protocolVersion": "v2",
                            "runtime": "mlflow",
                            "storageUri": "s3://mlops-prod-teams/fraud-detection/models/fraud-classifier/7",
                        },
                        "logger": {"mode": "all", "url": "http://inference-logger.fraud-detection.svc.cluster.local"},
                        "canaryTrafficPercent": 10,
                    }
                },
            },
            manifest,
        )

    def test_the_first_version_takes_all_the_traffic(self):
        self.assertNotIn("canaryTrafficPercent", inference_service("m", "t", "s3://b/t/models/m/1", DEFAULTS)["spec"]["predictor"])

    def test_the_gpu_runtime_serves_hugging_face_models_and_needs_a_gpu_quota(self):
        model = inference_service("llm", "t", "s3://b/t/models/llm/1", DEFAULTS, gpu=True)["spec"]["predictor"]["model"]
        self.assertEqual(("llm-gpu", {"name": "huggingface"}), (model["runtime"], model["modelFormat"]))
        with self.assertRaisesRegex(ValueError, "the team has no GPU runtime"):
            inference_service("llm", "t", "s3://b/t/models/llm/1", {**DEFAULTS, "gpuRuntime": ""}, gpu=True)

    def test_a_canary_share_is_a_percentage(self):
        with self.assertRaisesRegex(ValueError, "canary share 120 is not a percentage"):
            inference_service("m", "t", "s3://b", DEFAULTS, canary_percent=120)


class CanaryQueryTests(unittest.TestCase):
    def test_the_canarys_requests_and_server_errors_come_from_its_revisions_queue_proxy(self):
        self.assertEqual(
            (
                'sum(increase(revision_request_count{job="model-endpoints", namespace_name="fraud-detection", revision_name="churn-predictor-00002"}[15m]))',
                'sum(increase(revision_request_count{job="model-endpoints", namespace_name="fraud-detection", revision_name="churn-predictor-00002", response_code_class="5xx"}[15m]))',
            ),
            canary_queries("fraud-detection", "churn-predictor-00002"),
        )


class RequestTests(unittest.TestCase):
    def test_a_v2_request_holds_the_rows_as_one_tensor(self):
        self.assertEqual(
            '{"inputs": [{"name": "input-0", "shape": [2, 3], "datatype": "FP64", "data": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}]}',
            json.dumps(v2_request([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])),
        )
        with self.assertRaisesRegex(ValueError, "non-empty matrix"):
            v2_request([[1.0], [1.0, 2.0]])

    def test_the_endpoint_is_the_teams_url_with_the_models_name(self):
        self.assertEqual("http://fraud-classifier.fraud-detection.svc.cluster.local", endpoint(DEFAULTS, "fraud-classifier"))
        self.assertEqual("https://fraud-classifier.fraud-detection.models.mlops.example.com", endpoint(DEFAULTS, "fraud-classifier", in_cluster=False))


if __name__ == "__main__":
    unittest.main()
