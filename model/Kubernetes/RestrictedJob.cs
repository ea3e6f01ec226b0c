using System.Text.Json.Nodes;

namespace Infra.Model.Kubernetes;

/// <summary>
/// A run-to-completion Job under the Pod Security "restricted" profile, as the platform's set-up jobs run: a
/// non-root user, the runtime's seccomp profile, no privilege escalation, no capabilities, a read-only root
/// filesystem with a scratch <c>/tmp</c> (also <c>HOME</c>), retried on failure within a deadline.
/// </summary>
public static class RestrictedJob
{
    /// <summary>
    /// The Job <paramref name="name"/> in <paramref name="ns"/> running <paramref name="image"/> with
    /// <paramref name="command"/>; <paramref name="env"/> comes before <c>HOME</c>, and each of
    /// <paramref name="volumes"/> (name, mount path, volume source) is mounted read-only beside <c>/tmp</c>.
    /// </summary>
    public static JsonObject Of(
        string name,
        string ns,
        string container,
        string image,
        JsonArray command,
        IEnumerable<JsonObject> env,
        IEnumerable<(string Name, string MountPath, JsonObject Source)> volumes,
        int backoffLimit,
        int deadlineSeconds)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var mounts = volumes.ToArray();
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["backoffLimit"] = backoffLimit,
                ["activeDeadlineSeconds"] = deadlineSeconds,
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["restartPolicy"] = "OnFailure",
                        ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["runAsUser"] = 1000, ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } },
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = container,
                            ["image"] = image,
                            ["command"] = command,
                            ["env"] = new JsonArray([.. env, new JsonObject { ["name"] = "HOME", ["value"] = "/tmp" }]),
                            ["securityContext"] = new JsonObject
                            {
                                ["allowPrivilegeEscalation"] = false,
                                ["readOnlyRootFilesystem"] = true,
                                ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
                            },
                            ["volumeMounts"] = new JsonArray(
                            [
                                .. mounts.Select(v => new JsonObject { ["name"] = v.Name, ["mountPath"] = v.MountPath, ["readOnly"] = true }),
                                new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" },
                            ]),
                        }),
                        ["volumes"] = new JsonArray(
                        [
                            .. mounts.Select(v => new JsonObject { ["name"] = v.Name, [v.Source.First().Key] = v.Source.First().Value!.DeepClone() }),
                            new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject() },
                        ]),
                    },
                },
            },
        };
    }

    /// <summary>
    /// A restore's Job: its container <c>restore</c> runs <paramref name="script"/> with <c>/bin/sh</c> in
    /// <paramref name="image"/> as the ServiceAccount <paramref name="serviceAccount"/>, once: a half-run restore is
    /// looked at, not repeated.
    /// </summary>
    public static JsonObject Once(string name, string ns, string image, string script, string serviceAccount, int deadlineSeconds)
    {
        var job = Of(name, ns, "restore", image, new JsonArray("/bin/sh", "-c", script), [], [], backoffLimit: 0, deadlineSeconds);
        var pod = job["spec"]!["template"]!["spec"]!.AsObject();
        pod["serviceAccountName"] = serviceAccount;
        pod["restartPolicy"] = "Never";
        return job;
    }
}
