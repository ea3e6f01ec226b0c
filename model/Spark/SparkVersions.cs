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

    /// <summary>
    /// The jars the history server puts on its class path for S3A: the connector and the AWS SDK bundle it was
    /// built with, by exact version from Maven Central (whose releases are immutable).
    /// </summary>
    public static IReadOnlyList<string> HistoryServerJars { get; } =
    [
        "https://repo1.maven.org/maven2/org/apache/hadoop/hadoop-aws/3.3.4/hadoop-aws-3.3.4.jar",
        "https://repo1.maven.org/maven2/com/amazonaws/aws-java-sdk-bundle/1.12.262/aws-java-sdk-bundle-1.12.262.jar",
    ];

    /// <summary>The image of the init container that fetches the jars.</summary>
    public const string Busybox = "docker.io/library/busybox:1.38.0";
}
