using Infra.Model.Configuration;

[assembly: ErrorCatalogue(typeof(Infra.Model.Serving.ServingErrors))]

namespace Infra.Model.Serving;

/// <summary>The rules of model serving.</summary>
public static class ServingErrors
{
    /// <summary>A floor of replicas above the ceiling.</summary>
    public static readonly ErrorCode ReplicasOrder = new("MLOPS1801", "mlops:platform.serving.maxReplicas", "An endpoint's most replicas are at least its fewest.");

    /// <summary>Serving settings on a stack where KServe does not run.</summary>
    public static readonly ErrorCode WithoutKserve = new("MLOPS1802", "mlops:platform.serving", "Serving settings apply where Kubeflow runs with its kserve application.");
}
