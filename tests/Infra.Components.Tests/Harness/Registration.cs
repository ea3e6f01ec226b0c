namespace Infra.Components.Tests.Harness;

/// <summary>What a resource registered with the engine: its type, logical name and parent (type::name), protection and explicit provider (type::name), as the plan spells them.</summary>
internal sealed record Registration(string Type, string Name, string? Parent, bool Protect, string? Provider)
{
    public string Id => $"{Type}::{Name}";
}
