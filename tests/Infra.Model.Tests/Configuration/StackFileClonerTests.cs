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
    public void Clone_NewListEntriesAndNestedMaps_AreAddedWherePulumiWouldPutThem()
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n",
        [
            ("mlops:gpu.hosts[1].name", "esx2"),
            ("mlops:gpu.hosts[1].gpus", "4"),
            ("mlops:platform.objectStore.endpoint", "https://s3.example.com"),
            ("mlops:platform.objectStore.identities[0].name", "mlflow"),
            ("mlops:tanzu.supervisor.ntpServers[0]", "ntp.example.com"),
            ("mlops:teams[0].name", "nlp"),
        ]);

        Assert.Empty(result.Errors);
        Assert.EndsWith(
            """
              mlops:gpu:
                hosts:
                  - name: esx1
                    gpus: 2
                  - name: esx2
                    gpus: 4
              mlops:tanzu:
                namespace: ns
                supervisor:
                  ntpServers:
                    - ntp.example.com
              mlops:platform:
                objectStore:
                  endpoint: https://s3.example.com
                  identities:
                    - name: mlflow
              mlops:teams:
                - name: nlp

            """.ReplaceLineEndings("\n"),
            result.Text);
        var read = StackConfigFile.Parse("Pulumi.qa.yaml", "qa", result.Text).Snapshot;
        Assert.Equal(("esx2", "4", "mlflow", "ntp.example.com"), (read.Value("mlops:gpu:hosts:1:name"), read.Value("mlops:gpu:hosts:1:gpus"), read.Value("mlops:platform:objectStore:identities:0:name"), read.Value("mlops:tanzu:supervisor:ntpServers:0")));
    }

    [Theory]
    [InlineData("mlops:gpu.hosts[3].name", "--set mlops:gpu.hosts[3].name: mlops:gpu.hosts has 1 entries, so a new one is [1]; [3] would leave a gap.")]
    [InlineData("mlops:gpu.hosts.name", "--set mlops:gpu.hosts.name: mlops:gpu.hosts is a list, so its entries are indexed ('mlops:gpu.hosts[0]'), not named.")]
    [InlineData("mlops:vsphere[0]", "--set mlops:vsphere[0]: mlops:vsphere is a map, so its keys are named ('mlops:vsphere.<key>'), not indexed.")]
    [InlineData("mlops:environment.name", "--set mlops:environment.name: mlops:environment holds a single value in Pulumi.dev.yaml, not a map or list to add to. Set mlops:environment itself, or create the stack and set it with 'pulumi config set --path mlops:environment.name <value>'.")]
    [InlineData("mlops:gpu.hosts[0", "--set mlops:gpu.hosts[0: it is not a key as 'pulumi config set --path' spells it ('<namespace>:<key>', then '.name' or '[index]' parts, such as mlops:teams[1].name).")]
    [InlineData("environment", "--set environment: it is not a key as 'pulumi config set --path' spells it ('<namespace>:<key>', then '.name' or '[index]' parts, such as mlops:teams[1].name).")]
    public void Clone_KeysThatCannotBeAdded_SayWhy(string key, string error)
    {
        var result = StackFileCloner.Clone("Pulumi.dev.yaml", Source.ReplaceLineEndings("\n") + "\n", [(key, "x")]);

        Assert.Equal([error], result.Errors.ToArray());
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
            [("vsphere:password", "x"), ("mlops:gpu.hosts", "x"), ("mlops:tanzu.supervisorKubeconfig.x", "gold")]);

        Assert.Equal(
        [
            "--set vsphere:password: it is a secret, and secrets are not copied. Create the stack, then set it with 'pulumi config set --secret vsphere:password <value>'.",
            "--set mlops:gpu.hosts: it is a list, not a single value. Set the keys inside it, such as 'mlops:gpu.hosts.<key>=<value>'.",
            "--set mlops:tanzu.supervisorKubeconfig.x: mlops:tanzu.supervisorKubeconfig is a secret, not a map. Set it as a whole after creating the stack.",
        ], result.Errors.ToArray());
        Assert.Empty(result.Text);
    }
}
