using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>The whole platform's options: the <c>mlops</c> config namespace of a stack.</summary>
public sealed record PlatformOptions
{
    /// <summary>The environment's name: a DNS label of at most 20 characters, used in every resource name. Required.</summary>
    [Description("the environment's name, a DNS label such as 'dev' or 'prod'")]
    [Required]
    public string? Environment { get; init; }

    /// <summary>The MLOps maturity level to deploy. Required.</summary>
    [Description("the MLOps maturity level, level0, level1 or level2")]
    [Required]
    public MaturityLevel? Maturity { get; init; }

    /// <summary>Production sizing and protection: HA replicas, protected stateful resources, Retain volumes. Default false.</summary>
    public bool? Production { get; init; }

    /// <summary>How the CI pipelines deploy this stack. Default: manual in production, automatic otherwise.</summary>
    public DeployPolicy? Deploy { get; init; }

    /// <summary>Which layers this stack deploys. Default <see cref="DeploymentLayers.All"/>.</summary>
    public DeploymentLayers? Layers { get; init; }

    /// <summary>
    /// The foundation stack a platform-only stack runs on, as <c>organization/project/stack</c>.
    /// Required when <see cref="Layers"/> is <see cref="DeploymentLayers.Platform"/>.
    /// </summary>
    public string? FoundationStack { get; init; }

    /// <summary>
    /// The platform stack a teams stack holds teams on, as <c>organization/project/stack</c>.
    /// Required when <see cref="Layers"/> is <see cref="DeploymentLayers.Teams"/>.
    /// </summary>
    public string? PlatformStack { get; init; }

    /// <summary>
    /// Whether teams stacks hold teams on this platform, besides its own <c>mlops:teams</c>: the platform then exports
    /// what they read (its kubeconfig and its tenancy) and its Spark operator watches every namespace. Default false.
    /// </summary>
    public bool? TeamStacks { get; init; }

    /// <summary>Where in vSphere the platform lives. Required.</summary>
    [Description("the vSphere placement (datacenter, computeCluster, datastore, network)")]
    [Required]
    [Configuration.WaivedWhen("layers", "teams")]
    public VsphereOptions? Vsphere { get; init; }

    /// <summary>GPUs: mode, model, vGPU profile and hosts. Default: no GPUs.</summary>
    public GpuOptions? Gpu { get; init; }

    /// <summary>Storage tiers backed by vSphere storage policies. Default: none beyond the cluster's own.</summary>
    public StorageOptions? Storage { get; init; }

    /// <summary>vSphere with Tanzu: namespace and workload cluster. Default: catalog defaults.</summary>
    public TanzuOptions? Tanzu { get; init; }

    /// <summary>The platform services, one block each. Default: the services of the maturity level.</summary>
    public PlatformServicesOptions? Platform { get; init; }

    /// <summary>The teams using the platform; each gets a Kubeflow profile and quotas. Default: none.</summary>
    public IReadOnlyList<TeamOptions>? Teams { get; init; }

    /// <summary>The effective production flag.</summary>
    public bool IsProduction => Production ?? false;

    /// <summary>The effective deploy policy.</summary>
    public DeployPolicy EffectiveDeploy => Deploy ?? (IsProduction ? DeployPolicy.Manual : DeployPolicy.Automatic);

    /// <summary>The effective layers.</summary>
    public DeploymentLayers EffectiveLayers => Layers ?? DeploymentLayers.All;

    /// <summary>Whether this stack deploys the vSphere foundation.</summary>
    public bool DeploysFoundation => EffectiveLayers is DeploymentLayers.All or DeploymentLayers.Foundation;

    /// <summary>Whether this stack deploys the platform services.</summary>
    public bool DeploysPlatform => EffectiveLayers is DeploymentLayers.All or DeploymentLayers.Platform;

    /// <summary>Whether this stack holds only teams, on another stack's platform.</summary>
    public bool IsTeamsStack => EffectiveLayers == DeploymentLayers.Teams;

    /// <summary>Whether this stack registers anything on the workload cluster: the platform, or teams on it.</summary>
    public bool RunsOnWorkloadCluster => DeploysPlatform || IsTeamsStack;

    /// <summary>Whether teams stacks hold teams on the platform this stack deploys.</summary>
    public bool AcceptsTeamStacks => DeploysPlatform && TeamStacks == true;
}
