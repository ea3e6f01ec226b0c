using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public sealed class StackFileClonerTests
{
    private const string Source = """
        # The team's stack.
        encryptionsalt: v1:salt
        config:
          # vCenter
          vsphere:password:
            secure: v1:cipher
          mlops:environment: dev # the name
          mlops:vsphere:
            datacenter: dc1
            network: net1
          mlops:gpu:
            hosts:
              - name: esx1
                gpus: 2
          mlops:tanzu:
            supervisorKubeconfig:
              secure: v1:kube
            namespace: ns
        """;

    [Fact]
    public void Clone_AppliesOverridesKeepsCommentsAndDropsSecretsAndSalt()
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n",
            [("mlops:environment", "qa"), ("mlops:gpu.hosts[0].gpus", "4"), ("mlops:vsphere.folder", "ml/qa"), ("mlops:production", "true")]);

        Assert.Empty(result.Errors);
        Assert.Equal(
            """
            # The team's stack.
            config:
              # vCenter
              mlops:environment: qa # the name
              mlops:vsphere:
                datacenter: dc1
                network: net1
                folder: ml/qa
              mlops:gpu:
                hosts:
                  - name: esx1
                    gpus: 4
              mlops:tanzu:
                namespace: ns
              mlops:production: true

            """.ReplaceLineEndings("\n"),
            result.Text);
        Assert.Equal(["vsphere:password", "mlops:tanzu.supervisorKubeconfig"], result.SecretKeys.ToArray());
        Assert.Contains("  vsphere:password:\n    secure: v1:cipher\n", result.ValidationText, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_ValuesThatNeedQuotes_AreQuoted()
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n", [("mlops:tanzu.namespace", "a: b # c")]);

        Assert.Contains("    namespace: 'a: b # c'\n", result.Text, StringComparison.Ordinal);
    }

    // Values YAML would read as something else if written plain: each reads back exactly as given, wherever it lands.
    [Theory]
    [InlineData("-")]
    [InlineData("@x")]
    [InlineData("a:")]
    [InlineData("- qa")]
    [InlineData("@example.com")]
    [InlineData("a: b # c")]
    [InlineData("'quoted'")]
    [InlineData("\"double\"")]
    [InlineData("two\nlines")]
    [InlineData("[1, 2]")]
    [InlineData("{a: 1}")]
    [InlineData("*alias")]
    [InlineData("&anchor x")]
    [InlineData("!tag x")]
    [InlineData("%percent")]
    [InlineData("|")]
    [InlineData(">")]
    [InlineData("trailing ")]
    [InlineData(" leading")]
    [InlineData("# not a comment")]
    [InlineData("ünïcode")]
    public void Clone_AnyValue_ReadsBackExactly(string value)
    {
        var source = Source.ReplaceLineEndings("\n") + "\n";
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", source,
            [("mlops:environment", value), ("mlops:vsphere.folder", value), ("mlops:owner", value)]);

        Assert.Empty(result.Errors);
        var read = StackConfigFile.Parse("Pulumi.qa.yaml", "qa", result.Text).Snapshot;
        Assert.Equal(value, read.Value("mlops:environment"));
        Assert.Equal(value, read.Value("mlops:vsphere:folder"));
        Assert.Equal(value, read.Value("mlops:owner"));
        Assert.Equal("dc1", read.Value("mlops:vsphere:datacenter"));
    }

    [Fact]
    public void Clone_TheSameKeyTwice_IsAnErrorNamingBothValues()
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n",
            [("mlops:environment", "qa"), ("mlops:tanzu.namespace", "x"), ("mlops:environment", "qa2")]);

        Assert.Equal(["--set mlops:environment is given 2 times ('qa', 'qa2'). Give each key once."], result.Errors.ToArray());
        Assert.Empty(result.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("# no newline at the end")]
    [InlineData("encryptionsalt: v1:salt\n")]
    [InlineData("config:\n")]
    [InlineData("config:")]
    [InlineData("config: ~ # nothing yet\nencryptionsalt: v1:salt")]
    public void Clone_FromASourceWithNoSettings_StartsAConfigMap(string source)
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", source, [("mlops:environment", "qa"), ("mlops:maturity", "level0")]);

        Assert.Empty(result.Errors);
        var read = StackConfigFile.Parse("Pulumi.qa.yaml", "qa", result.Text).Snapshot;
        Assert.Equal(
            [new("mlops:environment", "qa"), new("mlops:maturity", "level0")],
            read.Values.ToArray());
        Assert.DoesNotContain("salt", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_OverridesThatCannotApply_SayWhyAndHowToSetThem()
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n",
            [("vsphere:password", "x"), ("mlops:gpu.hosts", "x"), ("mlops:storage.tiers[0].name", "gold")]);

        Assert.Equal(
        [
            "--set vsphere:password: it is a secret, and secrets are not copied. Create the stack, then set it with 'pulumi config set --secret vsphere:password <value>'.",
            "--set mlops:gpu.hosts: it is a list, not a single value. Set the keys inside it, such as 'mlops:gpu.hosts.<key>=<value>'.",
            "--set mlops:storage.tiers[0].name: Pulumi.dev.yaml has no such key, nor a map to add it to. Create the stack, then set it with 'pulumi config set --path \"mlops:storage.tiers[0].name\" <value>'.",
        ], result.Errors.ToArray());
        Assert.Empty(result.Text);
    }
}
