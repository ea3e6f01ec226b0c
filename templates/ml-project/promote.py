"""Points an alias of a registered MLflow model at the version a commit trained: 'challenger', then 'champion'."""
import argparse

from mlflow import MlflowClient


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--alias", required=True, choices=["challenger", "champion"])
    args = parser.parse_args()

    client = MlflowClient()
    versions = client.search_model_versions(f"name = '{args.model_name}' and tags.commit = '{args.commit}'")
    if not versions:
        raise SystemExit(f"commit {args.commit} registered no version of {args.model_name}")
    version = max(versions, key=lambda v: int(v.version)).version
    client.set_registered_model_alias(args.model_name, args.alias, version)
    print(f"{args.model_name}@{args.alias} -> version {version}")


if __name__ == "__main__":
    main()
