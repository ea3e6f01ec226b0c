"""Deploys a registered model version as the team's InferenceService, tests it, and promotes or rolls it back.

    python serving.py deploy   --model-name M --alias challenger --canary 10   copy the version to the team's folder,
                                                                              serve it beside the champion on 10% of
                                                                              the traffic, smoke-test it (v2 protocol)
    python serving.py promote  --model-name M                                  all traffic to the new revision
    python serving.py rollback --model-name M                                  all traffic back to the champion's

The platform writes what a team deploys with into the namespace's serving-defaults ConfigMap (the runtime, the
account that holds the team's store identity, the team's model folder, the replicas and the endpoint's URL),
which the team's CI account reads with its token (KUBE_TOKEN), as it reads the team's store identity it copies
the model with. The manifest and the request are pure functions, unit-tested offline.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import ssl
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Mapping

from decisions import canary_verdict

API = "https://kubernetes.default.svc"
CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt"


def inference_service(name: str, namespace: str, storage_uri: str, defaults: Mapping[str, str], canary_percent: int | None = None, gpu: bool = False) -> dict[str, Any]:
    """The InferenceService that serves the model at storage_uri with the team's runtime and account, on canary_percent of the traffic where given."""
    if canary_percent is not None and not 0 <= canary_percent <= 100:
        raise ValueError(f"canary share {canary_percent} is not a percentage")
    runtime = defaults["gpuRuntime"] if gpu else defaults["runtime"]
    if not runtime:
        raise ValueError("the team has no GPU runtime: its namespace has no GPU quota, or the cluster no GPU pool")
    predictor: dict[str, Any] = {
        "serviceAccountName": defaults["serviceAccount"],
        "minReplicas": int(defaults["minReplicas"]),
        "maxReplicas": int(defaults["maxReplicas"]),
        "model": {
            "modelFormat": {"name": "huggingface" if gpu else "mlflow"},
            "protocolVersion": "v2",
            "runtime": runtime,
            "storageUri": storage_uri,
        },
    }
    if defaults.get("loggerUrl"):
        # Every request and response to the team's logger, which keeps them in the team's folder for the drift check.
        predictor["logger"] = {"mode": "all", "url": defaults["loggerUrl"]}
    if canary_percent is not None:
        predictor["canaryTrafficPercent"] = canary_percent
    return {
        "apiVersion": "serving.kserve.io/v1beta1",
        "kind": "InferenceService",
        "metadata": {"name": name, "namespace": namespace, "annotations": {"serving.kserve.io/deploymentMode": "Serverless"}},
        "spec": {"predictor": predictor},
    }


def model_folder(defaults: Mapping[str, str], model: str, version: str) -> str:
    """Where a version is copied in the team's folder: s3://<teams bucket>/<team>/models/<model>/<version>."""
    return f"{defaults['modelStore'].rstrip('/')}/{model}/{version}"


def v2_request(inputs: list[list[float]]) -> dict[str, Any]:
    """A v2 (Open Inference Protocol) request with one FP64 tensor of the rows."""
    if not inputs or any(len(row) != len(inputs[0]) for row in inputs):
        raise ValueError("the rows must be a non-empty matrix")
    return {"inputs": [{"name": "input-0", "shape": [len(inputs), len(inputs[0])], "datatype": "FP64", "data": [x for row in inputs for x in row]}]}


def canary_queries(namespace: str, revision: str, window: str = "15m") -> tuple[str, str]:
    """The PromQL of a revision's requests and server errors over the window, from Knative's queue-proxy (the platform's model-endpoints job)."""
    selector = f'job="model-endpoints", namespace_name="{namespace}", revision_name="{revision}"'
    return (f"sum(increase(revision_request_count{{{selector}}}[{window}]))",
            f'sum(increase(revision_request_count{{{selector}, response_code_class="5xx"}}[{window}]))')


def _prometheus(url: str, query: str) -> int:
    with urllib.request.urlopen(f"{url}/api/v1/query?{urllib.parse.urlencode({'query': query})}", timeout=30) as response:
        result = json.load(response)["data"]["result"]
    return round(float(result[0]["value"][1])) if result else 0


def endpoint(defaults: Mapping[str, str], name: str, in_cluster: bool = True) -> str:
    """The model's URL: in the cluster (the CI runner's jobs run there), or on the ingress."""
    return (defaults["clusterUrl"] if in_cluster else defaults["endpointUrl"]).replace("{name}", name)


def _call(method: str, url: str, token: str, body: Any = None, content_type: str = "application/json", context: ssl.SSLContext | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=60, context=context) as response:
        text = response.read()
    return json.loads(text) if text else None


def _kubernetes(method: str, path: str, body: Any = None, content_type: str = "application/json") -> Any:
    context = ssl.create_default_context(cafile=os.environ.get("KUBE_CA", CA))
    return _call(method, f"{os.environ.get('KUBE_API', API)}{path}", os.environ["KUBE_TOKEN"], body, content_type, context)


def _path(namespace: str, name: str) -> str:
    return f"/apis/serving.kserve.io/v1beta1/namespaces/{namespace}/inferenceservices/{name}"


def _defaults(namespace: str) -> dict[str, str]:
    """The team's serving-defaults ConfigMap, which its CI account may read."""
    return _kubernetes("GET", f"/api/v1/namespaces/{namespace}/configmaps/serving-defaults")["data"]


def _team_identity(namespace: str) -> tuple[str, str]:
    """The team's object store identity, from its team-s3 Secret, which its CI account may read."""
    data = _kubernetes("GET", f"/api/v1/namespaces/{namespace}/secrets/team-s3")["data"]
    return tuple(base64.b64decode(data[key]).decode() for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"))  # type: ignore[return-value]


def _copy_version(model: str, version: str, target: str, namespace: str, endpoint_url: str) -> None:
    """Downloads the version from MLflow (the team's user) and uploads it to the team's folder (the team's identity)."""
    import boto3
    from mlflow import artifacts

    bucket, _, prefix = target.removeprefix("s3://").partition("/")
    key, secret = _team_identity(namespace)
    s3 = boto3.client("s3", endpoint_url=endpoint_url, aws_access_key_id=key, aws_secret_access_key=secret)
    with tempfile.TemporaryDirectory() as folder:
        local = artifacts.download_artifacts(artifact_uri=f"models:/{model}/{version}", dst_path=folder)
        for root, _, files in os.walk(local):
            for file in files:
                path = os.path.join(root, file)
                s3.upload_file(path, bucket, f"{prefix}/{os.path.relpath(path, local)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["deploy", "promote", "rollback"])
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--alias", default="challenger")
    parser.add_argument("--commit", default="", help="deploy only a version this commit registered")
    parser.add_argument("--canary", type=int, default=10)
    parser.add_argument("--max-error-rate", type=float, default=0.01)
    parser.add_argument("--min-requests", type=int, default=100, help="the canary's requests before it may be promoted")
    args = parser.parse_args()
    namespace = os.environ["KFP_NAMESPACE"]
    name = args.model_name

    if args.command == "promote":
        # The canary's own requests first, where the stack's Prometheus is given: too many errors roll it back.
        if prometheus := os.environ.get("PROMETHEUS_URL"):
            revision = _kubernetes("GET", _path(namespace, name))["status"]["components"]["predictor"]["latestCreatedRevision"]
            requests, errors = (_prometheus(prometheus, q) for q in canary_queries(namespace, revision))
            verdict = canary_verdict(True, requests, errors, args.max_error_rate, args.min_requests)
            if verdict == "rollback":
                _kubernetes("PATCH", _path(namespace, name), {"spec": {"predictor": {"canaryTrafficPercent": 0}}}, "application/merge-patch+json")
                raise SystemExit(f"{revision}: {errors} server errors in {requests} requests, above {args.max_error_rate:.1%}: rolled back")
            if verdict == "wait":
                raise SystemExit(f"{revision}: {requests} requests so far, fewer than {args.min_requests}: run this job again later")
        else:
            print("PROMETHEUS_URL is not set: promoting on the smoke test alone")
        # Without a canary share the newest revision takes all the traffic.
        _kubernetes("PATCH", _path(namespace, name), [{"op": "remove", "path": "/spec/predictor/canaryTrafficPercent"}], "application/json-patch+json")
        return
    if args.command == "rollback":
        _kubernetes("PATCH", _path(namespace, name), {"spec": {"predictor": {"canaryTrafficPercent": 0}}}, "application/merge-patch+json")
        return

    from mlflow import MlflowClient

    defaults = _defaults(namespace)
    registered = MlflowClient().get_model_version_by_alias(name, args.alias)
    if args.commit and registered.tags.get("commit") != args.commit:
        print(f"{name}@{args.alias} is version {registered.version}, not this commit's: the run did not beat the champion, nothing to deploy")
        return
    version = registered.version
    target = model_folder(defaults, name, version)
    _copy_version(name, version, target, namespace, defaults["storeEndpoint"])
    try:
        _kubernetes("GET", _path(namespace, name))
        canary: int | None = args.canary
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
        canary = None  # the first version takes all the traffic
    manifest = inference_service(name, namespace, target, defaults, canary)
    _kubernetes("PATCH", f"{_path(namespace, name)}?fieldManager=ml-project&force=true", manifest, "application/apply-patch+yaml")

    smoke = json.load(open("smoke.json", encoding="utf-8")) if os.path.exists("smoke.json") else [[0.0] * 20]
    try:
        _call("POST", f"{endpoint(defaults, name)}/v2/models/{name}/infer", os.environ["KUBE_TOKEN"], v2_request(smoke))
        passed = True
    except (urllib.error.URLError, TimeoutError) as error:
        print(f"smoke test failed: {error}")
        passed = False
    verdict = canary_verdict(passed, requests=1, errors=0 if passed else 1, max_error_rate=args.max_error_rate, min_requests=1)
    if verdict == "rollback" and canary is not None:
        _kubernetes("PATCH", _path(namespace, name), {"spec": {"predictor": {"canaryTrafficPercent": 0}}}, "application/merge-patch+json")
    if verdict == "rollback":
        raise SystemExit(f"{name} version {version} failed its smoke test: rolled back")
    print(f"{name} version {version} serves {canary if canary is not None else 100}% of {endpoint(defaults, name, in_cluster=False)}")


if __name__ == "__main__":
    main()
