namespace Infra.Components.Tests.Harness;

/// <summary>What a resource registered with the engine: its type, logical name and parent (type::name) and protection, as the plan spells them.</summary>
internal sealed record Registration(string Type, string Name, string? Parent, bool Protect)
{
    public string Id => $"{Type}::{Name}";
}
