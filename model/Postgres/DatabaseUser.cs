namespace Infra.Model.Postgres;

/// <summary>A service's database and its owner.</summary>
/// <param name="Service">The service, e.g. <c>mlflow</c>.</param>
/// <param name="Database">The database's name.</param>
/// <param name="Owner">The owning role, which the service logs in as.</param>
/// <param name="AuthDatabase">A second database the owner keeps its users and permissions in, or null.</param>
/// <param name="CreateDb">
/// Whether the role may create databases: for services that issue <c>CREATE DATABASE</c> at every start and
/// tolerate only "already exists" (Kubeflow Pipelines' API server), which PostgreSQL reports only to roles
/// allowed to create databases.
/// </param>
public sealed record DatabaseUser(string Service, string Database, string Owner, string? AuthDatabase = null, bool CreateDb = false)
{
    /// <summary>The Secret (basic-auth) with the owner's credentials, in the database's namespace.</summary>
    public string SecretName => $"{Service}-postgres";

    /// <summary>The databases the owner owns: <see cref="Database"/>, then <see cref="AuthDatabase"/> where set.</summary>
    public IEnumerable<string> Databases => AuthDatabase is null ? [Database] : [Database, AuthDatabase];
}
