using Infra.Components.Core;
using Infra.Model.Minio;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Minio;

/// <summary>The platform's object store on MinIO (<c>infra:ml:ObjectStore</c>), as <see cref="MinioPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class MinioObjectStore : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public MinioObjectStore(string name, MinioObjectStoreArgs args, ComponentResourceOptions? options = null)
        : base(MinioPlanner.ComponentType, name, args, parent => MinioPlanner.Nodes(args.Spec, args.ProviderId, args.StorageClassNodeId, parent), options)
    {
        var outputs = MinioPlanner.Outputs(args.Spec);
        Endpoint = Text(outputs, StackOutputs.ObjectStoreEndpoint);
        ConsoleUrl = Text(outputs, StackOutputs.ObjectStoreConsole);
        RootPassword = Text(outputs, StackOutputs.ObjectStoreRootPassword);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["endpoint"] = Endpoint,
            ["consoleUrl"] = ConsoleUrl,
            ["rootPassword"] = RootPassword,
        });
    }

    /// <summary>The in-cluster S3 endpoint.</summary>
    [Output("endpoint")]
    public Output<string> Endpoint { get; }

    /// <summary>The tenant console's in-cluster URL.</summary>
    [Output("consoleUrl")]
    public Output<string> ConsoleUrl { get; }

    /// <summary>The tenant's root password, a secret.</summary>
    [Output("rootPassword")]
    public Output<string> RootPassword { get; }
}
