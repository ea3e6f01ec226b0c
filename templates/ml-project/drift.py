"""The scheduled drift check of a served model: its logged inputs against its training reference.

    python drift.py --model-name M --threshold 0.3 [--hours 24]

Reads the last hours of the endpoint's logged requests from the team's folder (the inference-logger writes them
there), tests each feature against the champion's training reference (the rows the
version's run keeps as reference.json, a sample of its training rows) with SciPy's two-sample Kolmogorov-Smirnov test, and scores the drift as the
share of features that moved. It stores the report with the model version in MLflow (a run of the model's
experiment, the version tagged with the score), logs the score as the metric drift_score, and starts the training
pipeline when the score passes the model's threshold.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os

from decisions import drift_retrains, drift_share, logged_rows


def recent_events(bucket: str, prefix: str, hours: int) -> list[dict]:
    """The logged CloudEvents of the last hours, from the team's folder, with the team's identity."""
    import boto3

    s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
    since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=hours)
    events: list[dict] = []
    for day in {(since + datetime.timedelta(days=d)).date() for d in range(hours // 24 + 2)}:
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=f"{prefix}/date={day.isoformat()}/")
        for item in (o for page in pages for o in page.get("Contents", []) if o["LastModified"] >= since):
            body = gzip.decompress(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
            events.extend(json.loads(line) for line in body.splitlines() if line.strip())
    return events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--threshold", type=float, required=True, help="the drift score (share of features moved) above which the model retrains")
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--image", required=True, help="this image, which the retraining run trains in")
    args = parser.parse_args()
    # s3://<teams bucket>/<team>/models, from the team's serving-defaults.
    bucket, _, folder = os.environ["MODEL_STORE"].removeprefix("s3://").partition("/")
    team = folder.split("/")[0]

    import mlflow
    import numpy as np
    from mlflow import MlflowClient
    from scipy.stats import ks_2samp

    client = MlflowClient()
    champion = client.get_model_version_by_alias(args.model_name, "champion")
    reference = np.asarray(mlflow.artifacts.load_dict(f"runs:/{champion.run_id}/reference.json")["rows"], dtype=float)
    current = np.asarray(logged_rows(recent_events(bucket, f"{team}/inference-logs", args.hours)), dtype=float)
    if len(current) < 30:
        print(f"{len(current)} requests in the last {args.hours} h: too few to test, no drift check")
        return
    p_values = {f"f{i}": float(ks_2samp(reference[:, i], current[:, i]).pvalue) for i in range(reference.shape[1])}
    score = drift_share(p_values)
    retrain = drift_retrains(score, args.threshold)

    mlflow.set_experiment(args.model_name)
    with mlflow.start_run(run_name=f"drift-{champion.version}", tags={"model_version": champion.version, "check": "drift"}):
        mlflow.log_metric("drift_score", score)
        mlflow.log_dict({"version": champion.version, "requests": len(current), "threshold": args.threshold, "p_values": p_values, "score": score, "retrain": retrain}, "drift/report.json")
    client.set_model_version_tag(args.model_name, champion.version, "drift_score", f"{score:.3f}")
    print(f"{args.model_name} version {champion.version}: drift {score:.3f} over {len(current)} requests (threshold {args.threshold})")

    if retrain:
        from kfp import client as kfp_client, compiler

        import pipeline

        pipeline.TRAIN_IMAGE = args.image
        # The training pipeline in this same image; the access-ml-pipeline PodDefault's token signs in as the team.
        compiler.Compiler().compile(pipeline.training_pipeline, "/tmp/pipeline.yaml")
        run = kfp_client.Client().create_run_from_pipeline_package(
            "/tmp/pipeline.yaml",
            arguments={"model_name": args.model_name, "commit": champion.tags.get("commit", "drift")},
            run_name=f"retrain-{args.model_name}-drift-{champion.version}",
            namespace=team,
        )
        print(f"drift above {args.threshold}: retraining run {run.run_id}")


if __name__ == "__main__":
    main()
