namespace Infra.Model.Options;

/// <summary>The MLflow block (<c>mlops:platform.mlflow</c>): the tracking server's replicas and requests. It keeps no volume: artifacts go to its bucket, runs to PostgreSQL.</summary>
public sealed record MlflowOptions : SizedServiceOptions;
