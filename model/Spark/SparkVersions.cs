namespace Infra.Model.Spark;

/// <summary>
/// The pinned Spark operator chart and the one Spark line everything here runs: the operator 2.5.2 image is built
/// on Spark 4.0.4, so the history server and the sample application run the same Spark, with the S3A connector
/// of the Hadoop that Spark is built against.
/// </summary>
public static class SparkVersions
{
    /// <summary>The Kubeflow Spark operator chart.</summary>
    public static Kubernetes.HelmChart Operator { get; } = new("https://kubeflow.github.io/spark-operator", "spark-operator", "2.5.2");

    /// <summary>The operator image's tag, the chart's app version.</summary>
    public const string OperatorTag = "2.5.2";

    /// <summary>The operator's image registry and repository (the chart's <c>image.registry</c> and <c>image.repository</c>).</summary>
    public const string OperatorRegistry = "ghcr.io";

    /// <summary>The operator's repository in <see cref="OperatorRegistry"/>, which runs the controller and the webhook.</summary>
    public const string OperatorRepository = "kubeflow/spark-operator/controller";

    /// <summary>The operator's image.</summary>
    public const string OperatorImage = OperatorRegistry + "/" + OperatorRepository;

    /// <summary>The Spark release: the newest of the 4.0 line, the one the operator 2.5.2 image is built on.</summary>
    public const string SparkVersion = "4.0.4";

    /// <summary>The Scala version the Spark 4.0 distribution is built with (its examples jar carries it in its name).</summary>
    public const string ScalaVersion = "2.13";

    /// <summary>
    /// The Spark image of the history server and the sample application: Apache's own 4.0.4 image, by the digest
    /// kubeflow/spark-operator v2.5.2 builds its operator image on (its Dockerfile's <c>SPARK_IMAGE</c>).
    /// </summary>
    public const string SparkImage = "docker.io/apache/spark:" + SparkVersion + "@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8";

    /// <summary>The Hadoop release Spark 4.0.4 is built against (its pom.xml's <c>hadoop.version</c>).</summary>
    public const string HadoopVersion = "3.4.1";

    /// <summary>
    /// The AWS SDK v2 bundle hadoop-aws 3.4.1 depends on (hadoop-project 3.4.1's <c>aws-java-sdk-v2.version</c>,
    /// HADOOP-19082), which a sample application's package resolution brings with the connector.
    /// </summary>
    public const string AwsSdkVersion = "2.24.6";

    /// <summary>The S3A connector matching the image's Hadoop.</summary>
    public const string HadoopAws = "org.apache.hadoop:hadoop-aws:" + HadoopVersion;

    /// <summary>
    /// The jars the history server puts on its class path for S3A: the connector and the AWS SDK bundle it was
    /// built with, by exact version from Maven Central (whose releases are immutable).
    /// </summary>
    public static IReadOnlyList<string> HistoryServerJars { get; } =
    [
        $"https://repo1.maven.org/maven2/org/apache/hadoop/hadoop-aws/{HadoopVersion}/hadoop-aws-{HadoopVersion}.jar",
        $"https://repo1.maven.org/maven2/software/amazon/awssdk/bundle/{AwsSdkVersion}/bundle-{AwsSdkVersion}.jar",
    ];

    /// <summary>
    /// S3A's credentials from the <c>AWS_ACCESS_KEY_ID</c> and <c>AWS_SECRET_ACCESS_KEY</c> environment: the AWS SDK
    /// v2 provider, which Hadoop 3.4's S3A takes (3.3's took the SDK v1 one).
    /// </summary>
    public const string CredentialsProvider = "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider";

    /// <summary>The image of the init container that fetches the jars.</summary>
    public const string Busybox = Kubernetes.Images.Busybox;
}
