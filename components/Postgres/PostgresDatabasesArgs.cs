using Infra.Components.Core;
using Infra.Model.Postgres;

namespace Infra.Components.Postgres;

/// <summary>What <see cref="PostgresDatabases"/> is planned from.</summary>
public sealed class PostgresDatabasesArgs : VolumePartArgs<PostgresSpec>
{
}
