"""The training pipeline: compile it for Kubeflow Pipelines, or submit it and wait for the run.

The run trains in the project's image: train.py logs parameters and metrics to MLflow and registers a model
version tagged with the commit, which promote.py finds. The step opts into the team's mlops-services PodDefault,
which gives it MLflow's in-cluster URI and the team's MLflow user (the team-mlflow Secret); its artifacts go to
the team's pipeline root, which the platform sets in the namespace's kfp-launcher configuration.
"""
import argparse
import os

from kfp import client, compiler, dsl, kubernetes

TRAIN_IMAGE = os.environ.get("TRAIN_IMAGE", "train:dev")


@dsl.container_component
def train(model_name: str, commit: str):
    """Runs train.py in the training image."""
    return dsl.ContainerSpec(
        image=TRAIN_IMAGE,
        command=["python", "train.py"],
        args=["--model-name", model_name, "--commit", commit],
    )


@dsl.container_component
def check_drift(model_name: str, threshold: float, hours: int):
    """Runs drift.py in the training image."""
    return dsl.ContainerSpec(
        image=TRAIN_IMAGE,
        command=["python", "drift.py"],
        args=["--model-name", model_name, "--threshold", threshold, "--hours", hours, "--image", TRAIN_IMAGE],
    )


@dsl.pipeline(name="drift")
def drift_pipeline(model_name: str, threshold: float = 0.3, hours: int = 24):
    """The served model's drift check: its logged inputs against its training reference, retraining above the threshold."""
    step = check_drift(model_name=model_name, threshold=threshold, hours=hours)
    kubernetes.add_pod_label(step, "mlops-services", "true")
    # The Pipelines API for the retraining run, as the team.
    kubernetes.add_pod_label(step, "access-ml-pipeline", "true")
    # The team's own identity, reaching its folder, where the logger keeps the endpoint's requests.
    kubernetes.use_secret_as_env(step, secret_name="team-s3", secret_key_to_env={"AWS_ACCESS_KEY_ID": "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY": "AWS_SECRET_ACCESS_KEY"})
    kubernetes.use_config_map_as_env(step, config_map_name="serving-defaults", config_map_key_to_env={"storeEndpoint": "AWS_ENDPOINT_URL", "modelStore": "MODEL_STORE"})


@dsl.pipeline(name="train")
def training_pipeline(model_name: str, commit: str):
    step = train(model_name=model_name, commit=commit)
    kubernetes.add_pod_label(step, "mlops-services", "true")


def recurring_run_name(model_name: str) -> str:
    """The recurring run that retrains a model: one per model."""
    return f"retrain-{model_name}"


def drift_run_name(model_name: str) -> str:
    """The recurring run that checks a served model's drift: one per model."""
    return f"drift-{model_name}"


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    compile_ = sub.add_parser("compile")
    compile_.add_argument("--image", required=True)
    compile_.add_argument("--output", required=True)
    submit = sub.add_parser("submit")
    submit.add_argument("--package", required=True)
    submit.add_argument("--run-name", required=True)
    submit.add_argument("--model-name", required=True)
    submit.add_argument("--commit", required=True)
    submit.add_argument("--output", required=True)
    schedule = sub.add_parser("schedule")
    schedule.add_argument("--package", required=True)
    schedule.add_argument("--model-name", required=True)
    schedule.add_argument("--commit", required=True)
    schedule.add_argument("--cron", required=True, help="six fields, seconds first, as Kubeflow Pipelines takes them")
    schedule.add_argument("--drift-cron", default="0 0 * * * *", help="when the drift check runs (default hourly)")
    schedule.add_argument("--drift-threshold", type=float, default=0.3, help="the share of features moved above which the model retrains")
    args = parser.parse_args()

    if args.command == "compile":
        global TRAIN_IMAGE
        TRAIN_IMAGE = args.image
        compiler.Compiler().compile(training_pipeline, args.output)
        compiler.Compiler().compile(drift_pipeline, args.output.replace(".yaml", "-drift.yaml"))
        return

    # Multi-user Pipelines takes a service account token for its audience: the team's pipelines-ci account's.
    kfp = client.Client(host=os.environ["KFP_HOST"], namespace=os.environ["KFP_NAMESPACE"], existing_token=os.environ["KFP_TOKEN"])
    if args.command == "schedule":
        # One recurring run per model, replaced by each commit to the default branch, so the model retrains on new
        # data without a commit; train.py registers a challenger only when it beats the champion.
        namespace = os.environ["KFP_NAMESPACE"]
        name = recurring_run_name(args.model_name)
        experiment = kfp.create_experiment(name=args.model_name, namespace=namespace)
        existing = kfp.list_recurring_runs(namespace=namespace, page_size=100).recurring_runs or []
        drift = drift_run_name(args.model_name)
        for old in (r for r in existing if r.display_name in (name, drift)):
            kfp.delete_recurring_run(old.recurring_run_id)
        kfp.create_recurring_run(
            experiment_id=experiment.experiment_id,
            job_name=name,
            cron_expression=args.cron,
            max_concurrency=1,
            no_catchup=True,
            params={"model_name": args.model_name, "commit": args.commit},
            pipeline_package_path=args.package,
        )
        kfp.create_recurring_run(
            experiment_id=experiment.experiment_id,
            job_name=drift,
            cron_expression=args.drift_cron,
            max_concurrency=1,
            no_catchup=True,
            params={"model_name": args.model_name, "threshold": args.drift_threshold},
            pipeline_package_path=args.package.replace(".yaml", "-drift.yaml"),
        )
        print(f"{name}: {args.cron}; {drift}: {args.drift_cron}, retraining above {args.drift_threshold}")
        return
    run = kfp.create_run_from_pipeline_package(
        args.package,
        arguments={"model_name": args.model_name, "commit": args.commit},
        run_name=args.run_name,
        namespace=os.environ["KFP_NAMESPACE"],
    )
    result = kfp.wait_for_run_completion(run.run_id, timeout=6 * 3600)
    if result.state != "SUCCEEDED":
        raise SystemExit(f"run {run.run_id} ended {result.state}")
    with open(args.output, "w", encoding="utf-8") as env:
        env.write(f"KFP_RUN_ID={run.run_id}\n")


if __name__ == "__main__":
    main()
