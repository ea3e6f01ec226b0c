namespace Infra.Model.Configuration;

/// <summary>
/// A required setting that a sibling setting makes unneeded: <c>mlops:vsphere</c> is required except in a teams stack
/// (<c>mlops:layers: teams</c>), which registers nothing in vSphere.
/// </summary>
/// <param name="key">The sibling setting's key, such as <c>layers</c>.</param>
/// <param name="value">The value that waives the requirement, such as <c>teams</c>.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WaivedWhenAttribute(string key, string value) : Attribute
{
    /// <summary>The sibling setting's key.</summary>
    public string Key { get; } = key;

    /// <summary>The value that waives the requirement.</summary>
    public string Value { get; } = value;
}
