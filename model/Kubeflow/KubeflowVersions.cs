namespace Infra.Model.Kubeflow;

/// <summary>The pinned Kubeflow release: the kubeflow/manifests tag every component is applied from.</summary>
public static class KubeflowVersions
{
    /// <summary>The manifests repository.</summary>
    public const string Repository = "https://github.com/kubeflow/manifests";

    /// <summary>The release tag (Kubeflow 1.10.2: Pipelines 2.5.0, Notebooks 1.10.0, KServe 0.15.0, Katib 0.18.0, Istio 1.26.1, Dex 2.41.1).</summary>
    public const string Release = "v1.10.2";


    /// <summary>
    /// How long each of the release's workloads may take to become ready: twenty minutes, where the provider waits
    /// ten by default, because a fresh cluster pulls Istio's, Knative's, KServe's and Pipelines' images first.
    /// </summary>
    public static TimeSpan WorkloadTimeout { get; } = TimeSpan.FromMinutes(20);

    /// <summary>A folder of the release as a kustomize remote target (<c>repo//path?ref=tag</c>), the form the provider's kustomize fetches with git.</summary>
    public static string Directory(string path) => $"{Repository}//{path}?ref={Release}";
}
