using Infra.Model.Kubernetes;
using Pulumi;
using Pulumi.Random;

namespace Infra.Components.Core;

/// <summary>
/// The base of every component of this project: type token <c>infra:&lt;module&gt;:&lt;Type&gt;</c>, children
/// parented to it, outputs registered once the constructor is done with them.
/// </summary>
public abstract class InfraComponent : ComponentResource
{
    /// <summary>Registers the component under <paramref name="type"/> and <paramref name="name"/>.</summary>
    protected InfraComponent(string type, string name, ComponentResourceOptions? options)
        : base(type, name, options)
    {
    }

    /// <summary>Options for a child resource: parented to this component.</summary>
    protected CustomResourceOptions ChildOptions(bool protect = false) => new() { Parent = this, Protect = protect };

    /// <summary>Options for a child resource on <paramref name="provider"/>, after <paramref name="dependsOn"/>.</summary>
    protected CustomResourceOptions On(ProviderResource provider, params Resource[] dependsOn) =>
        new() { Parent = this, Provider = provider, DependsOn = [.. dependsOn] };

    /// <summary>A generated password, a child of this component (<see cref="KubernetesNodes.PasswordLength"/> letters and digits).</summary>
    protected RandomPassword GeneratedPassword(string name) =>
        new(name, new RandomPasswordArgs { Length = KubernetesNodes.PasswordLength, Special = false }, ChildOptions());

    /// <summary>Options for a child component: parented to this component.</summary>
    protected ComponentResourceOptions ChildComponentOptions() => new() { Parent = this };

    /// <summary>Options for a look-up made on behalf of this component.</summary>
    protected InvokeOptions InvokeOptions() => new() { Parent = this };
}
