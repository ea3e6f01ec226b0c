namespace Infra.Model.Options;

/// <summary>
/// How the platform's web services are reached from outside the cluster (<c>mlops:platform.ingress</c>): each gets
/// <c>&lt;service&gt;.&lt;domain&gt;</c> on the cluster's ingress controller.
/// </summary>
public sealed record IngressOptions
{
    /// <summary>The DNS domain the services' hosts are under, e.g. <c>mlops.example.com</c> (a wildcard record points at the ingress controller).</summary>
    public string? Domain { get; init; }

    /// <summary>The IngressClass of the cluster's controller (e.g. <c>contour</c>, <c>nginx</c>). Default: the cluster's default class.</summary>
    public string? ClassName { get; init; }

    /// <summary>The cert-manager ClusterIssuer that signs each host's certificate. Default: none, plain HTTP.</summary>
    public string? ClusterIssuer { get; init; }
}
