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
/// <param name="PlainText">
/// Whether the service connects without TLS because it cannot do otherwise (Kubeflow Pipelines' API server:
/// 2.5.0 writes <c>sslmode=disable</c> into its connection string, backend/src/apiserver/client/sql.go). The cluster
/// refuses plain connections from every other role.
/// </param>
public sealed record DatabaseUser(string Service, string Database, string Owner, string? AuthDatabase = null, bool CreateDb = false, bool PlainText = false)
{
    /// <summary>The Secret (basic-auth) with the owner's credentials, in the database's namespace.</summary>
    public string SecretName => $"{Service}-postgres";

    /// <summary>The databases the owner owns: <see cref="Database"/>, then <see cref="AuthDatabase"/> where set.</summary>
    public IEnumerable<string> Databases => AuthDatabase is null ? [Database] : [Database, AuthDatabase];

    /// <summary>
    /// The databases the owner connects to: its own, and <c>postgres</c> where it creates databases (it connects
    /// there first to issue <c>CREATE DATABASE</c>).
    /// </summary>
    public IEnumerable<string> ConnectsTo => CreateDb ? ["postgres", .. Databases] : Databases;
}
