using System.Collections.Immutable;
using Infra.Model.Stacks;

namespace Infra.Model.Kubeflow;

/// <summary>
/// The images of the release's units (kubeflow/manifests v1.10.2), as <c>kubectl kustomize</c> builds each unit's
/// directory (the project's own overlays over theirs): what the workloads run, which the plan's mirror transform
/// rewrites as it applies a unit; what the units name inside configuration and start later (sidecars, serving
/// runtimes, the storage initializer, Katib's suggestions and collectors, Pipelines' driver and launcher), and what
/// the notebook form and Katib's trial templates offer the teams, which the unit's named-images transform rewrites
/// wherever the configuration names them.
/// <c>KubeflowImagesTests</c> builds each unit from a local copy of the release and holds the lists to it.
/// </summary>
public static class KubeflowImages
{
    /// <summary>Each unit's workloads' images.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Workloads { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["cert-manager"] = ["quay.io/jetstack/cert-manager-cainjector:v1.16.1", "quay.io/jetstack/cert-manager-controller:v1.16.1", "quay.io/jetstack/cert-manager-webhook:v1.16.1"],
        ["istio"] = ["gcr.io/istio-release/install-cni:1.26.1", "gcr.io/istio-release/pilot:1.26.1", "gcr.io/istio-release/proxyv2:1.26.1"],
        ["oauth2-proxy"] = ["quay.io/oauth2-proxy/oauth2-proxy:v7.7.1", "registry.k8s.io/kubectl:v1.36.4"],
        ["dex"] = ["ghcr.io/dexidp/dex:v2.41.1"],
        ["centraldashboard"] = ["ghcr.io/kubeflow/kubeflow/central-dashboard:v1.10.0"],
        ["profiles"] = ["ghcr.io/kubeflow/kubeflow/kfam:v1.10.0", "ghcr.io/kubeflow/kubeflow/profile-controller:v1.10.0"],
        ["admission-webhook"] = ["ghcr.io/kubeflow/kubeflow/poddefaults-webhook:v1.10.0"],
        ["notebook-controller"] = ["ghcr.io/kubeflow/kubeflow/notebook-controller:v1.10.0"],
        ["jupyter-web-app"] = ["ghcr.io/kubeflow/kubeflow/jupyter-web-app:v1.10.0"],
        ["volumes-web-app"] = ["ghcr.io/kubeflow/kubeflow/volumes-web-app:v1.10.0"],
        ["pvcviewer-controller"] = ["ghcr.io/kubeflow/kubeflow/pvcviewer-controller:v1.10.0", "quay.io/brancz/kube-rbac-proxy:v0.13.1"],
        ["tensorboard-controller"] = ["ghcr.io/kubeflow/kubeflow/tensorboard-controller:v1.10.0", "quay.io/brancz/kube-rbac-proxy:v0.8.0"],
        ["tensorboards-web-app"] = ["ghcr.io/kubeflow/kubeflow/tensorboards-web-app:v1.10.0"],
        ["training-operator"] = ["ghcr.io/kubeflow/training-v1/training-operator:v1-3f15cb8"],
        ["knative-serving"] = ["gcr.io/knative-releases/knative.dev/net-istio/cmd/controller@sha256:e70bc675f97778da144157f125b3001124ba7a5903b85dab9e77776352fea1c7", "gcr.io/knative-releases/knative.dev/net-istio/cmd/webhook@sha256:7d76a6d42d139ed53aae3ca2dfd600b1c776eb85a17af64dd1b604176a4b132a", "gcr.io/knative-releases/knative.dev/serving/cmd/activator@sha256:cc39d40985f7b37ba384a857d194a24ac5eae7e204aac4ed9bf4ebfd8d62e721", "gcr.io/knative-releases/knative.dev/serving/cmd/autoscaler@sha256:59c2e7ad52cea17bedfc2aca9b9e33060bb34f04d35fd71fe61147bcbdb881e4", "gcr.io/knative-releases/knative.dev/serving/cmd/controller@sha256:0e47362d044f8eac84595ed0a9fdf22e5dd5a07cc7a5df74e93eb5ad17ad4827", "gcr.io/knative-releases/knative.dev/serving/cmd/webhook@sha256:d42e2f83c9018779465860fdc67ce6ada3eac8ba8c47c5c2127c0bb45f9b328a"],
        ["cluster-local-gateway"] = ["gcr.io/istio-release/proxyv2:1.26.1"],
        ["kserve"] = ["kserve/kserve-controller:v0.15.0", "kserve/kserve-localmodel-controller:v0.15.0", "quay.io/brancz/kube-rbac-proxy:v0.18.0"],
        ["models-web-app"] = ["ghcr.io/kserve/models-web-app:v0.14.0"],
        ["pipelines"] = ["gcr.io/tfx-oss-public/ml_metadata_store_server:1.14.0", "ghcr.io/kubeflow/kfp-api-server:2.5.0", "ghcr.io/kubeflow/kfp-frontend:2.5.0", "ghcr.io/kubeflow/kfp-metadata-envoy:2.5.0", "ghcr.io/kubeflow/kfp-metadata-writer:2.5.0", "ghcr.io/kubeflow/kfp-persistence-agent:2.5.0", "ghcr.io/kubeflow/kfp-scheduled-workflow-controller:2.5.0", "ghcr.io/kubeflow/kfp-viewer-crd-controller:2.5.0", "ghcr.io/kubeflow/kfp-visualization-server:2.5.0", "ghcr.io/metacontroller/metacontroller:v4.11.22", "public.ecr.aws/docker/library/python:3.12", "quay.io/argoproj/workflow-controller:v3.5.14"],
        ["katib"] = ["ghcr.io/kubeflow/katib/katib-controller:v0.18.0", "ghcr.io/kubeflow/katib/katib-db-manager:v0.18.0", "ghcr.io/kubeflow/katib/katib-ui:v0.18.0"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The images each unit names inside configuration and starts later. Left out: Istio's <c>busybox:1.28</c>, which
    /// only the opt-in <c>grpc-simple</c> injection template reads; Pipelines' cache image, whose cache server the
    /// project's overlay removes; and KServe's ART explainer, which the release names at <c>latest</c> only (an
    /// unpinned image no served model here asks for).
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Embedded { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["cert-manager"] = ["quay.io/jetstack/cert-manager-acmesolver:v1.16.1"],
        ["istio"] = ["gcr.io/istio-release/proxyv2:1.26.1"],
        ["volumes-web-app"] = ["filebrowser/filebrowser:v2.25.0"],
        ["tensorboard-controller"] = ["tensorflow/tensorflow:2.5.1"],
        ["knative-serving"] = ["gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:698ef80ebc698f4d2bb93c1e85684063a0cf253a83faebcbf106cee444181d8e"],
        ["kserve"] = ["docker.io/seldonio/mlserver:1.5.0", "kserve/agent:v0.15.0", "kserve/huggingfaceserver:v0.15.0", "kserve/huggingfaceserver:v0.15.0-gpu", "kserve/lgbserver:v0.15.0", "kserve/paddleserver:v0.15.0", "kserve/pmmlserver:v0.15.0", "kserve/router:v0.15.0", "kserve/sklearnserver:v0.15.0", "kserve/storage-initializer:v0.15.0", "kserve/xgbserver:v0.15.0", "nvcr.io/nvidia/tritonserver:23.05-py3", "pytorch/torchserve-kfs:0.9.0", "tensorflow/serving:2.6.2"],
        ["pipelines"] = ["ghcr.io/kubeflow/kfp-driver:2.5.0", "ghcr.io/kubeflow/kfp-frontend:2.5.0", "ghcr.io/kubeflow/kfp-launcher:2.5.0", "ghcr.io/kubeflow/kfp-visualization-server:2.5.0", "quay.io/argoproj/argoexec:v3.5.14"],
        ["katib"] = ["ghcr.io/kubeflow/katib/earlystopping-medianstop:v0.18.0", "ghcr.io/kubeflow/katib/file-metrics-collector:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-darts:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-enas:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-goptuna:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-hyperband:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-hyperopt:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-optuna:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-pbt:v0.18.0", "ghcr.io/kubeflow/katib/suggestion-skopt:v0.18.0", "ghcr.io/kubeflow/katib/tfevent-metrics-collector:v0.18.0"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The images each unit offers the teams to start: the notebook form's servers, Katib's trial templates.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Offered { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["jupyter-web-app"] = ["ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-cuda-full:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-gaudi-full:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-cuda-full:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-full:v1.10.0", "ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0"],
        ["katib"] = ["ghcr.io/kubeflow/katib/enas-cnn-cifar10-cpu:v0.18.0", "ghcr.io/kubeflow/katib/pytorch-mnist-cpu:v0.18.0"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The registry paths a unit's configuration composes images from, apart from their tags: Istio's hub, which the
    /// sidecar injector's values join to <c>proxyv2</c> and the tag; the Pipelines UI and visualization server
    /// repositories, which the profile controller's <c>sync.py</c> joins to <c>KFP_VERSION</c> for each team.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Composed { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["istio"] = ["gcr.io/istio-release"],
        ["pipelines"] = ["ghcr.io/kubeflow/kfp-frontend", "ghcr.io/kubeflow/kfp-visualization-server"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="unit"/> names inside its configuration, offers, or composes images from: what its mirror transform rewrites.</summary>
    public static ImmutableArray<string> Named(string unit) =>
        [.. Embedded.GetValueOrDefault(unit, []).Concat(Offered.GetValueOrDefault(unit, [])).Concat(Composed.GetValueOrDefault(unit, [])).Distinct(StringComparer.Ordinal)];

    /// <summary>The images of <paramref name="spec"/>'s units.</summary>
    public static IEnumerable<PulledImage> Of(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var unit in spec.Units)
        {
            foreach (var image in Workloads.GetValueOrDefault(unit.Name, []))
            {
                yield return PulledImage.Of(image, $"Kubeflow {unit.Name}");
            }

            foreach (var image in Embedded.GetValueOrDefault(unit.Name, []))
            {
                yield return PulledImage.Of(image, $"Kubeflow {unit.Name} (named in its configuration)");
            }

            foreach (var image in Offered.GetValueOrDefault(unit.Name, []))
            {
                yield return PulledImage.Of(image, $"Kubeflow {unit.Name} (offered to the teams)");
            }
        }
    }
}
