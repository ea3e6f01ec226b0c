using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Mlflow;

/// <summary>
/// An MLflow user per team, so that the team's notebooks and pipeline steps can log to the tracking server,
/// which requires sign-in: <c>team-&lt;name&gt;</c> with a generated password, created (or its password reset) by
/// a job through MLflow's own authentication client as the admin, and handed to the team as the
/// <c>team-mlflow</c> Secret in its namespace (<c>MLFLOW_TRACKING_USERNAME</c>, <c>MLFLOW_TRACKING_PASSWORD</c>).
/// New users get the platform's default permission, none (<see cref="MlflowSpec.DefaultPermission"/>): a team's user
/// manages the experiments and models it creates and sees no other team's.
/// </summary>
/// <param name="Teams">The teams, in configuration order.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
public sealed record MlflowTeamUsers(ImmutableArray<string> Teams, string? Registry)
{
    /// <summary>The Secret in MLflow's namespace with each team's password, a key per team, which the job reads.</summary>
    public const string PasswordsSecret = "mlflow-team-users";

    /// <summary>The Secret in a team's namespace with the team's MLflow credentials.</summary>
    public const string TeamSecret = "team-mlflow";

    /// <summary>The variable MLflow clients read the user from.</summary>
    public const string UserVariable = "MLFLOW_TRACKING_USERNAME";

    /// <summary>The variable MLflow clients read the password from.</summary>
    public const string PasswordVariable = "MLFLOW_TRACKING_PASSWORD";

    private const string PasswordsDirectory = "/var/run/mlflow-team-users";

    /// <summary>The users for <paramref name="options"/>, or null where MLflow is off or there are no teams.</summary>
    public static MlflowTeamUsers? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static MlflowTeamUsers? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var teams = Infra.Model.Teams.TeamNamespaces.For(options);
        return MlflowSpec.For(options) is null || teams.IsEmpty ? null : new MlflowTeamUsers([.. teams.Select(t => t.Name)], options.Platform?.Registry);
    }

    /// <summary>A team's MLflow user.</summary>
    public static string UserName(string team) => $"team-{team}";

    /// <summary>The logical name of a team's generated MLflow password.</summary>
    public static string PasswordName(string team) => $"mlflow-team-{team}-password";

    /// <summary>The logical name of a team's <see cref="TeamSecret"/>.</summary>
    public static string TeamSecretName(string team) => $"{TeamSecret}-{team}";

    /// <summary>The Secret data of a team's credentials.</summary>
    public static IReadOnlyList<(string Key, PlanValue Value)> Credentials(string team) =>
        [(UserVariable, PlanValue.Of(UserName(team))), (PasswordVariable, KubernetesNodes.GeneratedPassword(PasswordName(team)))];

    /// <summary>
    /// The job's script: for each team's password file, create the user, or reset its password where it exists;
    /// retried while the server is not yet answering, for at most ten minutes per user.
    /// </summary>
    public static string Script { get; } = $$"""
        import os, pathlib, time
        from mlflow.exceptions import RestException
        from mlflow.server.auth.client import AuthServiceClient

        client = AuthServiceClient(os.environ["MLFLOW_TRACKING_URI"])
        for path in sorted(pathlib.Path("{{PasswordsDirectory}}").iterdir()):
            if path.name.startswith("."):
                continue
            user, password = "team-" + path.name, path.read_text()
            for attempt in range(60):
                try:
                    try:
                        client.create_user(user, password)
                        print("created", user)
                    except RestException as error:
                        if error.error_code != "RESOURCE_ALREADY_EXISTS":
                            raise
                        client.update_user_password(user, password)
                        print("reset the password of", user)
                    break
                except Exception as error:
                    print("waiting for MLflow:", error)
                    time.sleep(10)
            else:
                raise SystemExit("could not set up " + user)

        """;

    /// <summary>The job's name: it changes with the teams and the script, because a Job's spec cannot change.</summary>
    public string JobName()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script + string.Join(",", Teams))))[..10];
        return $"mlflow-team-users-{hash}";
    }

    /// <summary>The job: MLflow's image and client, signed in as the admin, the passwords mounted from <paramref name="passwordsSecret"/> (<see cref="PasswordsSecret"/> on the platform, the stack's own in a teams stack).</summary>
    public JsonObject Job(string passwordsSecret)
    {
        JsonObject FromAdmin(string name, string key) => SecretVariable.Of(name, MlflowSpec.AdminSecret, key);

        return RestrictedJob.Of(
            JobName(),
            MlflowSpec.Namespace,
            "users",
            Images.Through(Registry, $"{MlflowVersions.Image}:{MlflowVersions.Tag}"),
            new JsonArray("python", "-c", Script),
            [new JsonObject { ["name"] = "MLFLOW_TRACKING_URI", ["value"] = MlflowSpec.Url }, FromAdmin(UserVariable, "username"), FromAdmin(PasswordVariable, "password")],
            [("passwords", PasswordsDirectory, new JsonObject { ["secret"] = new JsonObject { ["secretName"] = passwordsSecret } })],
            backoffLimit: 6,
            deadlineSeconds: 3600);
    }
}
