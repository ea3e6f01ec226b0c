from sklearn.datasets import make_classification

from train import fit


def test_fit_separates_a_learnable_problem():
    features, labels = make_classification(n_samples=400, n_features=8, class_sep=2.0, random_state=1)

    _, auc = fit(features, labels)

    assert auc > 0.9
