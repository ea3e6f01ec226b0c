"""Trains the model, logs it to MLflow and registers a version tagged with the commit."""
import argparse

import mlflow
import numpy as np
from mlflow import MlflowClient
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def fit(features: np.ndarray, labels: np.ndarray, c: float = 1.0) -> tuple[LogisticRegression, float]:
    """Fits on a split of the data and returns the model with its held-out ROC AUC."""
    x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25, random_state=0, stratify=labels)
    model = LogisticRegression(C=c, max_iter=1000).fit(x_train, y_train)
    return model, roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--c", type=float, default=1.0)
    args = parser.parse_args()

    # Replace with the team's data: a Feast offline retrieval, or files in the team's bucket.
    features, labels = make_classification(n_samples=2000, n_features=20, random_state=0)
    mlflow.set_experiment(args.model_name)
    with mlflow.start_run(tags={"commit": args.commit}):
        model, auc = fit(features, labels, args.c)
        mlflow.log_params({"C": args.c})
        mlflow.log_metric("roc_auc", auc)
        info = mlflow.sklearn.log_model(model, name="model", registered_model_name=args.model_name, input_example=features[:5])
    MlflowClient().set_model_version_tag(args.model_name, str(info.registered_model_version), "commit", args.commit)


if __name__ == "__main__":
    main()
