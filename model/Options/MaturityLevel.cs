namespace Infra.Model.Options;

/// <summary>The MLOps maturity level a stack deploys; each level adds services to the one before it.</summary>
public enum MaturityLevel
{
    /// <summary>Manual: notebooks on GPUs, an object store for data and models.</summary>
    Level0,

    /// <summary>Automated pipelines: adds Kubeflow Pipelines with ML Metadata, Feast, the MLflow registry and Spark.</summary>
    Level1,

    /// <summary>CI/CD for ML: adds GitLab and the ML CI/CD template.</summary>
    Level2,
}
