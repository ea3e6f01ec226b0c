using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public sealed class StackYamlTests
{
    [Theory]
    [InlineData("config:\n  ? [a, b]\n  : c\n", "Pulumi.dev.yaml:2:5: 'config' has a map or list as a key ('? ...'). Keys are names: write 'name: value'.")]
    [InlineData("config:\n  : x\n", "Pulumi.dev.yaml:2:4: 'config' has a key with no name. Name the key, or remove the line.")]
    [InlineData("config:\n  mlops:gpu:\n    \" \": x\n", "Pulumi.dev.yaml:3:5: mlops:gpu has a key with no name. Name the key, or remove the line.")]
    [InlineData("config:\n  mlops:x: &a [*a]\n", "Pulumi.dev.yaml:2:16: mlops:x uses the alias '*a' inside the node '&a' it names, which would repeat forever. Write the value out instead.")]
    [InlineData("config:\n  mlops:x: *a\n", "Pulumi.dev.yaml:2:12: mlops:x uses the alias '*a', but no '&a' comes before it.")]
    [InlineData("config:\n  mlops:x: 1\n---\nconfig:\n  mlops:y: 2\n", "Pulumi.dev.yaml:3:1: the file holds a second YAML document ('---'). A stack file is one document: remove the second, or move its settings into the first.")]
    [InlineData("config:\n  mlops:x: \"a\\u0001b\"\n", "Pulumi.dev.yaml:2:12: mlops:x holds the control character U+0001 in a value. Stack files hold text: remove it.")]
    [InlineData("config:\n  mlops:x: \"\\0\"\n", "Pulumi.dev.yaml:2:12: mlops:x holds the control character U+0000 in a value. Stack files hold text: remove it.")]
    [InlineData("config:\n  vsphere:password:\n    Secure: v1:x\n", "Pulumi.dev.yaml:3:5: 'Secure:' is not 'secure:'. Pulumi reads an encrypted value only under 'secure:', in lower case: set the secret again with 'pulumi config set --secret'.")]
    [InlineData("config:\n  mlops:environment: dev\n  mlops:Environment: qa\n", "Pulumi.dev.yaml:3:3: the keys 'mlops:environment' and 'mlops:Environment' differ only in case, and config keys are not told apart by case. Keep one.")]
    [InlineData("config:\n  mlops:gpu:\n    mode: vgpu\n    mode: passthrough\n", "Pulumi.dev.yaml:4:5: the key 'mode' appears twice in one map. Keep one.")]
    [InlineData("config:\n  mlops:gpu:\n    a:b: 1\n", "Pulumi.dev.yaml:3:5: the key 'a:b' holds ':', which config paths use to separate keys. Rename it.")]
    [InlineData("config:\n  environment: dev\n", "Pulumi.dev.yaml:2:3: config key 'environment' has no namespace. Pulumi config keys are '<namespace>:<key>', such as 'mlops:environment'.")]
    [InlineData("- config\n", "Pulumi.dev.yaml:1:1: a stack file must be a YAML map with a 'config:' key.")]
    [InlineData("just text\n", "Pulumi.dev.yaml:1:1: a stack file must be a YAML map with a 'config:' key.")]
    [InlineData("config: [a]\n", "Pulumi.dev.yaml:1:9: 'config' must be a map of '<namespace>:<key>' settings.")]
    [InlineData("config: text\n", "Pulumi.dev.yaml:1:9: 'config' must be a map of '<namespace>:<key>' settings.")]
    [InlineData("config:\n  mlops:x: [\n", "Pulumi.dev.yaml:3:1: While parsing a node, did not find expected node content.")]
    public void Read_RefusesWhatIsNotAStackFile_NamingLineColumnAndKey(string text, string message)
    {
        var ex = Assert.Throws<StackFileException>(() => StackYaml.Read("Pulumi.dev.yaml", text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedAtTheDepthLimitWithoutOverflowingTheStack()
    {
        var text = "config:\n  mlops:environment: " + new string('[', 100_000) + "\n";

        var ex = Assert.Throws<StackFileException>(() => StackYaml.Read("Pulumi.dev.yaml", text));

        Assert.Equal("Pulumi.dev.yaml:2:84: mlops:environment nests maps and lists more than 64 levels deep. No setting is that deep: check the brackets and indentation.", ex.Message);
    }

    [Fact]
    public void Read_AnAliasBomb_IsRefusedAtTheExpansionLimit()
    {
        // Nine times nine ... nine: 9^10 values from a 700-byte file.
        var lines = new List<string> { "config:", "  mlops:a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"  mlops:a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        }

        var ex = Assert.Throws<StackFileException>(() => StackYaml.Read("Pulumi.dev.yaml", string.Join('\n', lines) + "\n"));

        Assert.Equal("Pulumi.dev.yaml:8:18: mlops:a6 expands its aliases to more than 1,000,000 values. Write the values out, or use fewer nested aliases.", ex.Message);
    }

    [Fact]
    public void Read_Aliases_ExpandToTheSameKeysAsTheValuesWrittenOut()
    {
        var content = StackYaml.Read("Pulumi.dev.yaml", """
            config:
              mlops:storage:
                tiers:
                  - &gold {name: gold, policy: vsan-gold}
                  - *gold
              mlops:environment: &env dev
              mlops:owner: *env
            """);

        Assert.Equal(
            [
                new("mlops:environment", "dev"), new("mlops:owner", "dev"),
                new("mlops:storage:tiers:0:name", "gold"), new("mlops:storage:tiers:0:policy", "vsan-gold"),
                new("mlops:storage:tiers:1:name", "gold"), new("mlops:storage:tiers:1:policy", "vsan-gold"),
            ],
            content.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Read_AListEntryThatSetsNothing_IsAProblemNamingItsKey()
    {
        var content = StackYaml.Read("Pulumi.dev.yaml", """
            config:
              mlops:storage:
                tiers: [{name: standard}, {name: null}, {}, ~]
            """);

        Assert.Equal(
            [
                "mlops:storage.tiers[1] is an empty list entry: it sets nothing (every key in it is null, or it has none). Remove the entry, or set its keys.",
                "mlops:storage.tiers[2] is an empty list entry: it sets nothing (every key in it is null, or it has none). Remove the entry, or set its keys.",
                "mlops:storage.tiers[3] is an empty list entry: it sets nothing (every key in it is null, or it has none). Remove the entry, or set its keys.",
            ],
            content.Problems.Select(p => p.Message).ToArray());
        Assert.Equal(["mlops:storage.tiers[1]", "mlops:storage.tiers[2]", "mlops:storage.tiers[3]"], content.Problems.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void Read_AValueThatLooksLikeASecretMarker_IsPlainTextToTheSchema()
    {
        // The marker's prefix holds a control character, which no stack file may hold; spelt out, it is plain text.
        var snapshot = StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "config:\n  vsphere:password: \"\\\\u0001secret:vsphere:password\"\n").Snapshot;

        var (errors, _) = Model.Configuration.PlatformConfiguration.VsphereSchema.Check(snapshot);

        Assert.Equal(
            ["vsphere:password is a secret but is stored in plain text in Pulumi.dev.yaml. Remove it with 'pulumi config rm vsphere:password', then set it with 'pulumi config set --secret vsphere:password <value>'."],
            errors.Select(e => e.Message).ToArray());
    }

    [Fact]
    public void ReadFile_ThingsThatAreNotReadableStackFiles_SayWhyAndHowToFixIt()
    {
        var dir = Directory.CreateTempSubdirectory("stackyaml-").FullName;
        try
        {
            var dangling = Path.Combine(dir, "Pulumi.dangling.yaml");
            File.CreateSymbolicLink(dangling, Path.Combine(dir, "missing.yaml"));
            var device = Path.Combine(dir, "Pulumi.zero.yaml");
            File.CreateSymbolicLink(device, "/dev/zero");
            var folder = Path.Combine(dir, "Pulumi.folder.yaml");
            Directory.CreateDirectory(folder);

            Assert.Equal(
                $"Pulumi.dangling.yaml is a link to '{Path.Combine(dir, "missing.yaml")}', which does not exist. Point the link at a stack file, or replace it with one.",
                Assert.Throws<StackFileException>(() => StackYaml.ReadFile(dangling)).Message);
            Assert.Equal(
                "Pulumi.zero.yaml is not a regular file (/dev/zero). A stack file is a YAML text file: replace it with one.",
                Assert.Throws<StackFileException>(() => StackYaml.ReadFile(device)).Message);
            Assert.Equal(
                $"Pulumi.folder.yaml is not a regular file ({folder}). A stack file is a YAML text file: replace it with one.",
                Assert.Throws<StackFileException>(() => StackYaml.ReadFile(folder)).Message);

            var large = Path.Combine(dir, "Pulumi.large.yaml");
            using (var stream = File.Create(large))
            {
                stream.SetLength(StackYaml.MaxBytes + 1L);
            }

            Assert.Equal(
                "Pulumi.large.yaml is 33,554,433 bytes, more than the 33,554,432 a stack file may hold. Split the teams over several stacks.",
                Assert.Throws<StackFileException>(() => StackYaml.ReadFile(large)).Message);

            var latin1 = Path.Combine(dir, "Pulumi.latin1.yaml");
            File.WriteAllBytes(latin1, [.. "config:\n  mlops:owner: "u8, 0xE9, (byte)'\n']);
            Assert.Equal(
                "Pulumi.latin1.yaml is not UTF-8 text (the byte at offset 23 is not). Save it as UTF-8.",
                Assert.Throws<StackFileException>(() => StackYaml.ReadFile(latin1)).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
