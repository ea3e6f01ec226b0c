namespace Infra.Model.Spark;

/// <summary>The pinned Spark operator chart and Spark image.</summary>
public static class SparkVersions
{
    /// <summary>The Kubeflow Spark operator chart.</summary>
    public static Kubernetes.HelmChart Operator { get; } = new("https://kubeflow.github.io/spark-operator", "spark-operator", "2.5.2");

    /// <summary>The operator image's tag, the chart's app version.</summary>
    public const string OperatorTag = "2.5.2";

    /// <summary>The Spark version of the sample application.</summary>
    public const string SparkVersion = "3.5.6";

    /// <summary>The Spark image of the sample application.</summary>
    public const string SparkImage = "docker.io/library/spark:" + SparkVersion;

    /// <summary>The S3A connector matching the image's Hadoop 3.3.4.</summary>
    public const string HadoopAws = "org.apache.hadoop:hadoop-aws:3.3.4";
}
