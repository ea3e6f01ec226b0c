namespace Infra.Model.Postgres;

/// <summary>A service's database and its owner.</summary>
/// <param name="Service">The service, e.g. <c>mlflow</c>.</param>
/// <param name="Database">The database's name.</param>
/// <param name="Owner">The owning role, which the service logs in as.</param>
public sealed record DatabaseUser(string Service, string Database, string Owner)
{
    /// <summary>The Secret (basic-auth) with the owner's credentials, in the database's namespace.</summary>
    public string SecretName => $"{Service}-postgres";
}
