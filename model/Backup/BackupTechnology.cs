using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Backup.BackupTechnology))]

namespace Infra.Model.Backup;

/// <summary>The backup target the services' backups leave the cluster for: only read, never deployed.</summary>
public sealed class BackupTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 65;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => BackupValidator.Validate(options, errors);
}
