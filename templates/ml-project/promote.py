"""Points the 'champion' alias of a registered MLflow model at the version 'challenger' names, once it serves all the traffic."""
import argparse

from mlflow import MlflowClient


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name", required=True)
    args = parser.parse_args()

    client = MlflowClient()
    version = client.get_model_version_by_alias(args.model_name, "challenger").version
    client.set_registered_model_alias(args.model_name, "champion", version)
    print(f"{args.model_name}@champion -> version {version}")


if __name__ == "__main__":
    main()
