using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    [Fact]
    public void Bind_AcceptedKeys_BindAsTheConfigurationBinderDid()
    {
        var snapshot = new ConfigSnapshot("test", new Dictionary<string, string?>
        {
            ["mlops:environment"] = "qa",
            ["mlops:maturity"] = "LEVEL1",
            ["mlops:teams:10:name"] = "third",
            ["mlops:teams:2:name"] = "second",
            ["mlops:teams:0:name"] = "first",
            ["mlops:teams:0:gpuQuota"] = "+2",
            ["mlops:platform:minio:enabled"] = "True",
            ["vsphere:allowUnverifiedSsl"] = "false",
            ["vsphere:someProviderKey"] = "kept for the provider",
        });

        var options = (PlatformOptions)PlatformConfiguration.PlatformSchema.Bind(snapshot)!;
        var connection = (VsphereConnectionOptions)PlatformConfiguration.VsphereSchema.Bind(snapshot)!;

        Assert.Equal("qa", options.Environment);
        Assert.Equal(MaturityLevel.Level1, options.Maturity);
        Assert.Equal(["first", "second", "third"], options.Teams!.Select(t => t.Name));
        Assert.Equal([2, null, null], options.Teams!.Select(t => t.GpuQuota));
        Assert.True(options.Platform!.Minio!.Enabled);
        Assert.Null(options.Platform.Mlflow);
        Assert.Null(options.Gpu);
        Assert.False(connection.AllowUnverifiedSsl);
        Assert.Null(connection.Server);
    }

    [Fact]
    public void Bind_NamespaceSetsNothing_IsNull()
    {
        var snapshot = new ConfigSnapshot("test", new Dictionary<string, string?> { ["kubernetes:context"] = "lab" });

        Assert.Null(PlatformConfiguration.PlatformSchema.Bind(snapshot));
        Assert.Null(PlatformConfiguration.VsphereSchema.Bind(snapshot));
    }

    // A native infractl reads the options records by reflection only as far as ILLink.Descriptors.xml keeps them.
    [Fact]
    public void OptionsRecords_AllLieInTheNamespaceTheTrimmingDescriptorKeeps()
    {
        using var descriptor = typeof(ConfigSchema).Assembly.GetManifestResourceStream("ILLink.Descriptors.xml");
        Assert.NotNull(descriptor);
        using var reader = new StreamReader(descriptor);
        Assert.Contains("<namespace fullname=\"Infra.Model.Options\" />", reader.ReadToEnd(), StringComparison.Ordinal);

        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([PlatformConfiguration.PlatformSchema.RootType, PlatformConfiguration.VsphereSchema.RootType]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in ConfigSchema.SettableProperties(type))
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var inner = ConfigSchema.ElementType(propertyType) ?? propertyType;
                if (ConfigSchema.Classify(inner) is ConfigSchema.ValueKind.Map or ConfigSchema.ValueKind.Choice)
                {
                    pending.Push(inner);
                }
            }
        }

        Assert.True(seen.Count > 20, $"only {seen.Count} options types found");
        Assert.All(seen, t => Assert.Equal("Infra.Model.Options", t.Namespace));
    }
}
