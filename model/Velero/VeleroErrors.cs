using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Velero.VeleroErrors))]

namespace Infra.Model.Velero;

/// <summary>The rules of the volumes' backups.</summary>
public static class VeleroErrors
{
    /// <summary>Volume backups without the repository key.</summary>
    public static readonly ErrorCode RepositoryKey = new("MLOPS1316", "mlops:platform.backup.volumes.repositoryKey", "Volumes backed up have the key their data is encrypted with on the target, as a secret.");
}
