"""Trains the model on the team's features, validates the data first, and registers a version only when it beats
the champion on the same holdout.

    python train.py --model-name M --commit SHA [--source feast] [--margin 0.005]

With --source feast the rows come from the team's Feast project: a historical retrieval from the offline store of
the features in FEATURES (comma-separated feature references) for the entities and labels in ENTITIES (a Parquet
file with the entity keys, event_timestamp and label), through the feature_store.yaml in FEAST_REPO. The
synthetic source stands in until the team has its own.
"""
import argparse
import os

import mlflow
import numpy as np
from mlflow import MlflowClient
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from decisions import Column, is_better, validate

FEATURE_COUNT = 20
# What every row must hold; a run stops on the first batch that breaks it. Replace with the team's columns.
SCHEMA = {f"f{i}": Column("number", minimum=-20.0, maximum=20.0) for i in range(FEATURE_COUNT)} | {"label": Column("category", values=("0", "1"))}


def split(features: np.ndarray, labels: np.ndarray):
    """The training rows and the holdout both the challenger and the champion are scored on."""
    return train_test_split(features, labels, test_size=0.25, random_state=0, stratify=labels)


def fit(features: np.ndarray, labels: np.ndarray, c: float = 1.0) -> tuple[LogisticRegression, float]:
    """Fits on a split of the data and returns the model with its held-out ROC AUC."""
    x_train, x_test, y_train, y_test = split(features, labels)
    model = LogisticRegression(C=c, max_iter=1000).fit(x_train, y_train)
    return model, roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])


def rows_of(features: np.ndarray, labels: np.ndarray) -> list[dict]:
    """The rows as the schema names their columns."""
    return [{**{f"f{i}": float(v) for i, v in enumerate(row)}, "label": str(int(label))} for row, label in zip(features, labels)]


def feast_rows() -> tuple[np.ndarray, np.ndarray]:
    """The team's features for its labelled entities, from the offline store (a point-in-time correct join)."""
    import pandas as pd
    from feast import FeatureStore

    store = FeatureStore(repo_path=os.environ.get("FEAST_REPO", "feature_repo"))
    entities = pd.read_parquet(os.environ["ENTITIES"])
    frame = store.get_historical_features(entity_df=entities, features=os.environ["FEATURES"].split(",")).to_df()
    columns = [c for c in frame.columns if c not in entities.columns]
    return frame[columns].to_numpy(dtype=float), frame["label"].to_numpy(dtype=int)


def champion_auc(client: MlflowClient, name: str, x_test: np.ndarray, y_test: np.ndarray) -> float | None:
    """The current champion's ROC AUC on the challenger's holdout, or None where there is no champion yet."""
    try:
        client.get_model_version_by_alias(name, "champion")
    except mlflow.exceptions.MlflowException:
        return None
    champion = mlflow.sklearn.load_model(f"models:/{name}@champion")
    return roc_auc_score(y_test, champion.predict_proba(x_test)[:, 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--source", choices=["synthetic", "feast"], default="synthetic")
    parser.add_argument("--margin", type=float, default=0.005, help="how much better than the champion's ROC AUC a challenger must be")
    args = parser.parse_args()

    if args.source == "feast":
        features, labels = feast_rows()
    else:
        features, labels = make_classification(n_samples=2000, n_features=FEATURE_COUNT, random_state=0)
    problems = validate(rows_of(features, labels), SCHEMA, min_rows=100)
    if problems:
        raise SystemExit("the training data breaks its schema:\n  " + "\n  ".join(problems[:20]))

    client = MlflowClient()
    mlflow.set_experiment(args.model_name)
    with mlflow.start_run(tags={"commit": args.commit}):
        model, auc = fit(features, labels, args.c)
        _, x_test, _, y_test = split(features, labels)
        champion = champion_auc(client, args.model_name, x_test, y_test)
        mlflow.log_params({"C": args.c, "source": args.source, "margin": args.margin})
        mlflow.log_metrics({"roc_auc": auc, **({"champion_roc_auc": champion} if champion is not None else {})})
        if not is_better(auc, champion, args.margin):
            print(f"no new version: ROC AUC {auc:.4f} does not beat the champion's {champion:.4f} by {args.margin}")
            return
        info = mlflow.sklearn.log_model(model, name="model", registered_model_name=args.model_name, input_example=features[:5])
        # The drift check's reference: a sample of the rows the version was trained on.
        x_train = split(features, labels)[0]
        mlflow.log_dict({"rows": x_train[:1000].tolist()}, "reference.json")
    client.set_model_version_tag(args.model_name, str(info.registered_model_version), "commit", args.commit)
    client.set_registered_model_alias(args.model_name, "challenger", str(info.registered_model_version))


if __name__ == "__main__":
    main()
