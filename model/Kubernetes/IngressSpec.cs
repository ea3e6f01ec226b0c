using System.Text.Json.Nodes;
using Infra.Model.Options;

namespace Infra.Model.Kubernetes;

/// <summary>
/// The platform's ingress: each web service at <c>&lt;service&gt;.&lt;domain&gt;</c> on the cluster's ingress
/// controller, with a certificate from a cert-manager ClusterIssuer where one is named.
/// </summary>
/// <param name="Domain">The domain the hosts are under.</param>
/// <param name="ClassName">The IngressClass, or null for the cluster's default.</param>
/// <param name="ClusterIssuer">The cert-manager ClusterIssuer, or null for plain HTTP.</param>
public sealed record IngressSpec(string Domain, string? ClassName, string? ClusterIssuer)
{
    /// <summary>The ingress for <paramref name="options"/>, or null where the services stay in-cluster.</summary>
    public static IngressSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static IngressSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Platform?.Ingress is { Domain: { Length: > 0 } domain } ingress
            ? new IngressSpec(domain, ingress.ClassName, ingress.ClusterIssuer)
            : null;
    }

    /// <summary>A service's host.</summary>
    public string Host(string service) => $"{service}.{Domain}";

    /// <summary>A service's external URL: HTTPS where certificates are issued.</summary>
    public string Url(string service) => $"{(ClusterIssuer is null ? "http" : "https")}://{Host(service)}";

    /// <summary>The Secret of a service's certificate.</summary>
    public static string TlsSecret(string service) => $"{service}-tls";

    /// <summary>The annotations that ask cert-manager for the certificate, where an issuer is named.</summary>
    public JsonObject Annotations() => ClusterIssuer is null ? [] : new JsonObject { ["cert-manager.io/cluster-issuer"] = ClusterIssuer };

    /// <summary>The TLS entries of a service's ingress: its host and certificate Secret, where an issuer is named.</summary>
    public JsonArray Tls(string service) => ClusterIssuer is null
        ? []
        : new JsonArray(new JsonObject { ["hosts"] = new JsonArray(Host(service)), ["secretName"] = TlsSecret(service) });
}
