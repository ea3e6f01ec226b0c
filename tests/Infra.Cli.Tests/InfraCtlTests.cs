using System.Text.Json;
using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;

namespace Infra.Cli.Tests;

public sealed class InfraCtlTests
{
    private const string ThreeMistakes = """
        config:
          vsphere:server: vc.example.com
          vsphere:user: svc@vsphere.local
          vsphere:password:
            secure: v1:abc
          mlops:environment: dev
          mlops:maturity: level1
          mlops:vsphere:
            datacentre: dc1
            computeCluster: c1
            datastore: ds1
            network: net1
          mlops:production: maybe
          mlops:storage:
            tiers:
              - name: standard
          mlops:tanzu:
            supervisorId: domain-c8
            supervisorKubeconfig:
              secure: v1:kube
        """;

    [Fact]
    public void Validate_ProdStack_IsValidAndExitsZero()
    {
        var run = CliRun.Project("validate", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "Pulumi.prod.yaml is valid: environment prod, maturity level2, layers all.\n"
            + "advisory: mlops:tanzu.release 'v1.33.6---vmware.1-fips-vkr.2' runs Kubernetes 1.33, which upstream tests but does not support for CloudNativePG 1.30.0 (chart 0.29.0) (supported on 1.34–1.36), Kubeflow v1.10.2 (supported on 1.32). 'infractl versions' shows the matrix and its sources.\n",
            run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Validate_MisspelledKeyWrongTypeAndMissingValue_PrintsThreeErrorsAndExitsTwo()
    {
        var dir = CliRun.ScratchProject("bad", ThreeMistakes);

        var run = CliRun.In(dir, "validate", "--stack", "bad");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            """
            Pulumi.bad.yaml has 3 errors:
              - MLOPS0013 mlops:production 'maybe' is not true or false. Set it with 'pulumi config set --stack bad mlops:production true|false'.
              - MLOPS0016 mlops:vsphere.datacentre is not a known setting. Did you mean 'mlops:vsphere.datacenter'? Known settings in mlops:vsphere: datacenter, computeCluster, datastore, datastoreCluster, network, resourcePool, folder, template, templateGuestId, contentLibrary. Remove it with 'pulumi config rm --stack bad --path mlops:vsphere.datacentre'.
              - MLOPS0018 mlops:vsphere.datacenter is required but not set: the vSphere datacenter to deploy into. Set it with 'pulumi config set --stack bad --path mlops:vsphere.datacenter <value>'.

            """.ReplaceLineEndings("\n"),
            run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Plan_InvalidConfig_PrintsNoPlanAndExitsTwo()
    {
        var dir = CliRun.ScratchProject("bad", ThreeMistakes);

        var run = CliRun.In(dir, "plan", "--stack", "bad", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Validate_BrokenYaml_NamesLineAndColumnAndExitsTwo()
    {
        var dir = CliRun.ScratchProject("broken", "config:\n  mlops:environment: dev\n   bad: [\n");

        var run = CliRun.In(dir, "validate", "--stack", "broken");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: MLOPS0035 Pulumi.broken.yaml:3:7: While scanning a plain scalar value, found invalid mapping.\n", run.Error);
    }

    [Fact]
    public void Plan_DefaultStackJson_IsTheModelsPlanForPulumiDevYaml()
    {
        var run = CliRun.Project("plan", "--format", "json");

        var expected = PlanJson.Write(StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")).Snapshot).ValidOptions()));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Out);
        Assert.Equal("dev", JsonDocument.Parse(run.Out).RootElement.GetProperty("stack").GetString());
    }

    [Fact]
    public void Plan_Text_ShowsTreeSummaryAndWaves()
    {
        var run = CliRun.Project("plan", "--stack", "dev");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Plan for stack dev: 15 components, 187 resources, 9 data sources, 1 read, deployed in 14 waves.\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("├── resource vm-folder vsphere:index/folder:Folder (wave 2)", run.Out, StringComparison.Ordinal);
        Assert.Contains("├── path = mlops-dev", run.Out, StringComparison.Ordinal);
        Assert.Contains("└── resource mlops-dev-vgpu-a100d-20c vsphere:index/virtualMachineClass:VirtualMachineClass (wave 4)", run.Out, StringComparison.Ordinal);
        Assert.Contains("read mlops-dev-kubeconfig kubernetes:core/v1:Secret (wave 7)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Dependency waves", run.Out, StringComparison.Ordinal);
        Assert.Contains("GPU capacity", run.Out, StringComparison.Ordinal);
        Assert.Contains("│ esx-gpu-01.lab.example.com │    2 │ grid_a100d-20c │     8 │    1 │            0 │    7 │", run.Out, StringComparison.Ordinal);
        Assert.Contains("Hand-offs (render writes them below handoffs/; others apply or use them)", run.Out, StringComparison.Ordinal);
        Assert.Contains("│ feast/feature_store.yaml │ For the teams: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FromASubfolder_FindsTheProjectUpward()
    {
        var sub = Directory.CreateDirectory(Path.Combine(CliRun.ProjectDir, "sub", "deeper")).FullName;

        Assert.Equal(0, CliRun.In(sub, "validate").ExitCode);
    }

    [Fact]
    public void Validate_NoProject_IsAUsageErrorNamingTheFix()
    {
        var dir = Directory.CreateTempSubdirectory("infractl-empty-").FullName;

        var run = CliRun.In(dir, "validate", "--project-dir", dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: No Pulumi.yaml in {dir}. Run infractl inside the project, or pass --project-dir <folder>.\n", run.Error);
    }

    [Fact]
    public void Validate_UnknownStack_ListsTheStacksThereAreAndExitsOne()
    {
        var run = CliRun.Project("validate", "--stack", "qa");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: No stack file Pulumi.qa.yaml in {CliRun.ProjectDir} (it has stacks dev, prod, prod-teams). Pass --stack <name>, or create the stack with 'pulumi stack init qa' and set its config.\n", run.Error);
    }

    [Theory]
    [InlineData("plan", "--format", "xml")]
    [InlineData("validate", "--no-such-option")]
    [InlineData("deploy")]
    public void UsageError_ExitsOne(params string[] args)
    {
        Assert.Equal(1, CliRun.Project(args).ExitCode);
    }

    [Fact]
    public void Render_Prod_WritesTheFilesAndListsThem()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("infractl-render-").FullName, "out");

        var run = CliRun.Project("render", "--stack", "prod", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var plan = StackPlanner.Plan("prod", PlatformConfiguration.Load(StackConfigFile.Load(Path.Combine(CliRun.ProjectDir, "Pulumi.prod.yaml")).Snapshot).ValidOptions());
        Assert.Equal(string.Concat(StackRenderer.Render(plan).Select(f => Path.Combine(output, f.Name) + "\n")), run.Out);
        Assert.Contains(Path.Combine(output, "helm", "gitlab.values.yaml") + "\n", run.Out, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(output, "handoffs", "feast", "feature_store.yaml") + "\n", run.Out, StringComparison.Ordinal);
        Assert.StartsWith(
            "# kubernetes:cluster.x-k8s.io/v1beta1:Cluster::mlops-prod: wave 6, provider pulumi:providers:kubernetes::supervisor.\n# protect: true\n",
            File.ReadAllText(Path.Combine(output, "mlops-prod", "mlops-prod", "cluster-mlops-prod.yaml")), StringComparison.Ordinal);
        Assert.Contains("\napiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\n", File.ReadAllText(Path.Combine(output, "mlops-prod", "mlops-prod", "cluster-mlops-prod.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutOut_IsAUsageError()
    {
        var run = CliRun.Project("render");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Option '--out' is required.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FirstRunOfAnEnabledSupervisor_IsValidAndSaysWhatFollows()
    {
        var yaml = File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")).Replace(
            "    supervisorId: domain-c8\n    supervisorKubeconfig:\n      secure: v1:a3ViZWNvbmZpZw==:Pl4c3h0ld3r-r3pl4c3-w1th-y0ur-0wn\n",
            "    supervisor:\n      enabled: true\n      managementNetwork: mgmt\n      managementGateway: 10.0.0.1/24\n      managementStartAddress: 10.0.0.10\n      workloadNetwork: wl\n      workloadGateway: 192.168.0.1/16\n      nodeAddresses: {address: 192.168.1.0, count: 256}\n      serviceAddresses: {address: 10.96.0.0, count: 4096}\n      dnsServers: [10.0.0.2]\n      ntpServers: [ntp.example.com]\n      loadBalancer:\n        type: haproxy\n        host: lb\n        username: wcp\n        password:\n          secure: v1:pw\n        caChain: \"-----BEGIN CERTIFICATE-----\"\n        addressRanges: [{address: 10.0.1.64, count: 64}]\n",
            StringComparison.Ordinal);
        Assert.Contains("enabled: true", yaml, StringComparison.Ordinal);
        var dir = CliRun.ScratchProject("first", yaml);

        var run = CliRun.In(dir, "validate", "--stack", "first");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("note: mlops:tanzu.supervisorKubeconfig is not set yet: this run enables the Supervisor", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StackNew_WritesAValidCloneAndPrintsTheSecretCommands()
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));

        var run = CliRun.In(dir, "stack", "new", "qa", "--from", "dev", "--set", "mlops:environment=qa", "--set", "mlops:tanzu.controlPlane.replicas=3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Wrote Pulumi.qa.yaml from Pulumi.dev.yaml; it is valid once its 4 secrets are set. Until then 'plan', 'diff' and 'render' show where they go, and 'validate' names them.
            Secrets are not copied. After 'pulumi stack init qa', set them:
              pulumi config set --stack qa --secret vsphere:password <value>
              pulumi config set --stack qa --secret --path mlops:gpu.operator.pullSecret <value>
              pulumi config set --stack qa --secret --path mlops:gpu.operator.licenseToken <value>
              pulumi config set --stack qa --secret --path mlops:tanzu.supervisorKubeconfig <value>

            """.ReplaceLineEndings("\n"),
            run.Out);
        var written = File.ReadAllText(Path.Combine(dir, "Pulumi.qa.yaml"));
        Assert.StartsWith("# Stack qa, cloned from Pulumi.dev.yaml by 'infractl stack new qa --from dev'.\n# Check it offline with `dotnet run --project cli -- validate --stack qa`;\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Development stack", written, StringComparison.Ordinal);
        Assert.Contains("  # vSphere provider: the vCenter this stack talks to.\n", written, StringComparison.Ordinal);
        Assert.Contains("  mlops:environment: qa\n", written, StringComparison.Ordinal);
        Assert.Contains("      replicas: 3\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("secure: v1:", written, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptionsalt", written, StringComparison.Ordinal);
    }

    [Fact]
    public void AClonedStack_PlansDiffsAndRendersBeforeItsSecretsAreSet_ButDoesNotValidate()
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));
        Assert.Equal(0, CliRun.In(dir, "stack", "new", "team-a", "--from", "dev", "--set", "mlops:environment=team-a").ExitCode);
        const string Notice = "note: Pulumi.team-a.yaml has secrets not set yet, shown where they go: vsphere:password, mlops:gpu.operator.pullSecret, mlops:gpu.operator.licenseToken, mlops:tanzu.supervisorKubeconfig. 'validate' fails until they are set: 'pulumi config set --stack team-a --secret vsphere:password <value>'; 'pulumi config set --stack team-a --secret --path mlops:gpu.operator.pullSecret <value>'; 'pulumi config set --stack team-a --secret --path mlops:gpu.operator.licenseToken <value>'; 'pulumi config set --stack team-a --secret --path mlops:tanzu.supervisorKubeconfig <value>'.\n";

        var validate = CliRun.In(dir, "validate", "--stack", "team-a");
        var plan = CliRun.In(dir, "plan", "--stack", "team-a", "--format", "json");
        var diff = CliRun.In(dir, "diff", "--stack", "team-a", "--against", "dev", "--exit-code");
        var render = CliRun.In(dir, "render", "--stack", "team-a", "--out", "rendered");

        Assert.Equal(2, validate.ExitCode);
        Assert.StartsWith("Pulumi.team-a.yaml has 4 errors:\n  - MLOPS0203 vsphere:password is required but not set: the vCenter user's password. Set it with 'pulumi config set --stack team-a --secret vsphere:password <password>'.", validate.Error, StringComparison.Ordinal);
        Assert.Equal((0, Notice), (plan.ExitCode, plan.Error));
        Assert.Contains("\"client_configuration_token.tok\": {\n            \"$secret\": \"config\",\n            \"key\": \"mlops:gpu\",\n            \"path\": \"operator.licenseToken\"\n          }", plan.Out, StringComparison.Ordinal);
        Assert.Equal((3, Notice), (diff.ExitCode, diff.Error));
        Assert.Equal((0, Notice), (render.ExitCode, render.Error));
    }

    [Fact]
    public void StackNew_TeamsOf_WritesTheShippedTeamsStack_WithNoneOfThePlatformsCredentialsOrTeams()
    {
        var dir = CliRun.ScratchProject("prod", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.prod.yaml")));

        var run = CliRun.In(dir, "stack", "new", "prod-teams", "--from", "prod", "--teams-of", "acme/mlops/prod",
            "--set", "mlops:teams[0].name=payments", "--set", "mlops:teams[0].owner=payments-lead@example.com", "--set", "mlops:teams[0].gpuQuota=2",
            "--set", "mlops:teams[1].name=search", "--set", "mlops:teams[1].owner=search-lead@example.com");

        Assert.Equal((0, "Wrote Pulumi.prod-teams.yaml from Pulumi.prod.yaml; it is valid.\n", string.Empty), (run.ExitCode, run.Out, run.Error));
        var written = File.ReadAllText(Path.Combine(dir, "Pulumi.prod-teams.yaml"));
        // The shipped teams stack is this command's output, so it can be made again from prod.
        Assert.Equal(File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.prod-teams.yaml")), written);
        Assert.Contains("  mlops:layers: teams\n  mlops:platformStack: acme/mlops/prod\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("vsphere:", written, StringComparison.Ordinal);
        Assert.DoesNotContain("fraud-detection", written, StringComparison.Ordinal);
        Assert.DoesNotContain("teamStacks", written, StringComparison.Ordinal);
        Assert.DoesNotContain("backup:", written, StringComparison.Ordinal);
        Assert.DoesNotContain("secure:", written, StringComparison.Ordinal);
    }

    [Fact]
    public void StackNew_NamesSetInConfigThatBothStacksWouldCreate_AreNamedWithTheirSettings()
    {
        var dir = CliRun.ScratchProject("prod", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.prod.yaml")));

        var run = CliRun.In(dir, "stack", "new", "staging", "--from", "prod", "--set", "mlops:environment=staging");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("note: Pulumi.staging.yaml and Pulumi.prod.yaml would both create VM folder 'mlops/prod', vSphere Namespace 'mlops-prod' in one vCenter, and either stack's destroy would delete it under the other. Give the new stack its own: mlops:vsphere.folder, mlops:tanzu.namespace.\n", run.Out, StringComparison.Ordinal);

        var apart = CliRun.In(dir, "stack", "new", "staging", "--from", "prod", "--force", "--set", "mlops:environment=staging", "--set", "mlops:vsphere.folder=mlops/staging", "--set", "mlops:tanzu.namespace=mlops-staging");

        Assert.Equal(0, apart.ExitCode);
        Assert.DoesNotContain("would both create", apart.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void StackNew_SameEnvironment_WarnsOfClashingNames()
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));

        var run = CliRun.In(dir, "stack", "new", "dev2", "--from", "dev");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("note: mlops:environment is still 'dev', as in Pulumi.dev.yaml, so resource names would clash in the same vCenter. Change it with 'pulumi config set --stack dev2 mlops:environment <name>'.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void StackNew_InvalidOverride_WritesNothingAndExitsTwo()
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));

        var run = CliRun.In(dir, "stack", "new", "qa", "--from", "dev", "--set", "mlops:environment=QA_1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Pulumi.qa.yaml would have 1 error, so it was not written:\n  - MLOPS0101 mlops:environment 'QA_1' is not a valid environment name", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "Pulumi.qa.yaml")));
    }

    [Theory]
    [InlineData("stack", "new", "dev", "--from", "dev")]
    [InlineData("stack", "new", "qa", "--from", "nope")]
    [InlineData("stack", "new", "bad/name", "--from", "dev")]
    [InlineData("stack", "new", "qa", "--from", "dev", "--set", "novalue")]
    [InlineData("stack", "new", "qa")]
    public void StackNew_UsageErrors_ExitOne(params string[] args)
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));

        Assert.Equal(1, CliRun.In(dir, args).ExitCode);
        Assert.False(File.Exists(Path.Combine(dir, "Pulumi.qa.yaml")));
    }

    [Fact]
    public void Plan_ComponentAndDepth_KeepTheTreeToWhatIsAskedFor()
    {
        var run = CliRun.Project("plan", "--component", "mlflow", "--depth", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stack dev\n└── component mlflow infra:ml:ModelRegistry\n    └── ... 11 more below (--depth)\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("component kubeflow", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WavesTable_TellsApartNodesThatShareAName()
    {
        var run = CliRun.Project("plan");

        Assert.Contains("mlflow (Namespace)", run.Out, StringComparison.Ordinal);
        Assert.Contains("mlflow (Release)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan", "--component", "nope" }, "error: --component 'nope' is not a component of stack dev. Its components: feast, foundation, gitlab, gpu-operator, kubeflow, minio, mlflow, mlops-dev, mlops-dev-vgpu-a100d-20c, network, platform, postgres, redis, serving, spark.\n")]
    [InlineData(new[] { "plan", "--depth", "0" }, "error: --depth 0 is below 1. Give the number of levels to show, such as --depth 2.\nRun 'infractl plan --help' for its options.\n")]
    public void Plan_AComponentOrDepthThatCannotBe_IsAUsageError(string[] args, string error)
    {
        var run = CliRun.Project(args);

        Assert.Equal((1, error), (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData(new[] { "plna" }, "error: 'plna' is not an infractl command. Did you mean 'plan'? Commands: validate, plan, render, graph, diff, images, stacks, stack, versions, explain. Run 'infractl --help' for what each does.\n")]
    [InlineData(new[] { "plan", "--format", "xml" }, "error: Argument 'xml' not recognized. Must be one of:\n\t'text'\n\t'json'\nRun 'infractl plan --help' for its options.\n")]
    [InlineData(new[] { "stack", "new", "qa" }, "error: Option '--from' is required.\nRun 'infractl stack new --help' for its options.\n")]
    [InlineData(new[] { "validate", "-C", "/nonexistent" }, "error: --project-dir /nonexistent is not a folder. Pass the folder that holds Pulumi.yaml.\n")]
    public void UsageErrors_AreShortAndSayWhereToReadMore(string[] args, string error)
    {
        var run = CliRun.Project(args);

        Assert.Equal((1, error), (run.ExitCode, run.Error));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Diff_AgainstAStackThatDoesNotExist_NamesTheOptionToFix()
    {
        var run = CliRun.Project("diff", "--against", "nosuch");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("(it has stacks dev, prod, prod-teams). Pass --against <name>, or create the stack with 'pulumi stack init nosuch' and set its config.\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[suggest:13]", "plan --stack ", "dev\nprod\nprod-teams\n")]
    [InlineData("[suggest:16]", "diff --against p", "prod\nprod-teams\n")]
    [InlineData("[suggest:2]", "pl", "plan\nexplain\n")]
    public void Completion_OffersCommandsAndTheProjectsStacks(string directive, string line, string expected)
    {
        var run = CliRun.Project(directive, line);

        Assert.Equal((0, expected), (run.ExitCode, run.Out.ReplaceLineEndings("\n")));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStackFiles_CarryNoMadeUpSaltAndSayTheirSecretsArePlaceholders(string stack)
    {
        var text = File.ReadAllText(Path.Combine(CliRun.ProjectDir, $"Pulumi.{stack}.yaml"));

        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("encryptionsalt:", StringComparison.Ordinal));
        Assert.Contains("# The secure: values below are placeholders, so that the stack checks offline: replace each with your own", text, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Project("validate", "--stack", stack).ExitCode);
    }

    [Fact]
    public void Infractl_PacksAsANativeDotnetToolThatInstallsAndRuns()
    {
        var output = Directory.CreateTempSubdirectory("infractl-pack-").FullName;
        var tools = Directory.CreateTempSubdirectory("infractl-tools-").FullName;
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var version = ReleaseTests.ToolVersion();
        try
        {
            Dotnet("pack", Path.Combine(RepositoryRoot(), "cli"), "-o", output, "--nologo", "-v", "q");

            // The tool package names the native package for this machine and the portable one for any other.
            using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, $"infractl.{version}.nupkg")))
            {
                var settings = package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
                using var reader = new StreamReader(settings.Open());
                var text = reader.ReadToEnd();
                Assert.Contains($"<RuntimeIdentifierPackage RuntimeIdentifier=\"{rid}\" Id=\"infractl.{rid}\" />", text, StringComparison.Ordinal);
                Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"any\" Id=\"infractl.any\" />", text, StringComparison.Ordinal);
            }

            using (var native = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, $"infractl.{rid}.{version}.nupkg")))
            {
                Assert.Contains($"tools/any/{rid}/infractl", native.Entries.Select(e => e.FullName));
                Assert.DoesNotContain(native.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
            }

            using (var portable = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, $"infractl.any.{version}.nupkg")))
            {
                Assert.Contains("tools/net10.0/any/infractl.dll", portable.Entries.Select(e => e.FullName));
            }

            // Installed from those packages alone, as the README installs it, the native tool runs.
            var config = Path.Combine(output, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="dist" value="{output}" /></packageSources></configuration>
                """);
            Dotnet("tool", "install", "--tool-path", tools, "--configfile", config, "infractl");
            var installed = Path.Combine(tools, "infractl");
            Assert.EndsWith($"infractl.{rid}/{version}/tools/any/{rid}/infractl", new FileInfo(installed).ResolveLinkTarget(returnFinalTarget: true)!.FullName.Replace('\\', '/'), StringComparison.Ordinal);
            var (exit, validation) = Run(installed, "validate", "--stack", "prod", "--project-dir", CliRun.ProjectDir);
            Assert.True(exit == 0, validation);
            Assert.StartsWith("Pulumi.prod.yaml is valid: environment prod, maturity level2, layers all.\n", validation, StringComparison.Ordinal);
            Assert.Equal(CliRun.Project("validate", "--stack", "prod").Out, validation);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            Directory.Delete(tools, recursive: true);
        }
    }

    private static void Dotnet(params string[] args)
    {
        var (exit, log) = Run("dotnet", args);
        Assert.True(exit == 0, log);
    }

    private static (int ExitCode, string Output) Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Infra.sln above the tests.");
    }

    [Fact]
    public void Help_DocumentsExitCodes()
    {
        var run = CliRun.Project("--help");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Out, "Exit codes:"));
        Assert.Contains("Examples:\n    infractl validate --stack prod\n", run.Out, StringComparison.Ordinal);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes: 0 ok, 1 usage error, 2 invalid configuration, 3 plans differ (diff --exit-code), 4 a bug in infractl (--show-trace prints its trace), 5 the plans differ by a change that deletes or replaces data (diff --exit-code).", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PrintsTheRuleOfACode_InAnyCase()
    {
        var run = CliRun.Project("explain", "mlops0310");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("MLOPS0310: The GPU model is one the catalog knows.\nkey: mlops:gpu.model\nEvery error of this code names the key and its value, and gives the command that fixes it. The whole catalogue is docs/errors.md.\n", run.Out);
    }

    [Fact]
    public void Explain_WithoutACode_ListsEveryCode()
    {
        var run = CliRun.Project("explain");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Infra.Model.Configuration.ErrorCode.All, c => Assert.Contains(c.Code, run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_AnUnknownCode_IsAUsageErrorWithTheClosestCode()
    {
        var run = CliRun.Project("explain", "MLOPS3010");

        Assert.Equal((1, "error: 'MLOPS3010' is not an error code of infractl. Did you mean 'MLOPS0010'? Codes are MLOPS and four digits, as errors print them; 'infractl explain' lists them all.\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public void Versions_Json_IsTheMatrixWithItsSources()
    {
        var run = CliRun.Project("versions", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var cnpg = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("component").GetString() == "CloudNativePG");
        Assert.Equal("1.34", cnpg.GetProperty("supported").GetProperty("minimum").GetString());
        Assert.Equal("1.30", cnpg.GetProperty("tested").GetProperty("minimum").GetString());
        Assert.StartsWith("cloudnative-pg/cloudnative-pg@v1.30.0:", cnpg.GetProperty("source").GetString(), StringComparison.Ordinal);
        var latest = root.GetProperty("tanzuReleases").EnumerateArray().Single(r => r.GetProperty("default").GetBoolean());
        Assert.Equal(0, latest.GetProperty("notRunBy").GetArrayLength());
        Assert.Equal(["CloudNativePG", "Kubeflow"], latest.GetProperty("onlyTestedBy").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Versions_Text_ListsEveryComponentAndRelease()
    {
        var run = CliRun.Project("versions");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Infra.Model.Stacks.Compatibility.Matrix, c => Assert.Contains(c.Component, run.Out, StringComparison.Ordinal));
        Assert.All(Infra.Model.Tanzu.TanzuReleases.All, r => Assert.Contains(r.Name, run.Out, StringComparison.Ordinal));
    }
}
