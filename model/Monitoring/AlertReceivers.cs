using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Monitoring;

/// <summary>
/// Where Alertmanager sends alerts: e-mail, a webhook and a chat channel, each where set. Their credentials reach
/// Alertmanager only as files of <see cref="MonitoringSpec.ReceiversSecret"/>, never in its configuration.
/// </summary>
/// <param name="Email">E-mail, or null.</param>
/// <param name="WebhookUrl">The webhook's URL, a secret setting, or null.</param>
/// <param name="ChatUrl">The chat channel's incoming webhook, a secret setting, or null.</param>
/// <param name="ChatChannel">The channel, or null for the webhook's own.</param>
public sealed record AlertReceivers(EmailReceiver? Email, SecretSetting? WebhookUrl, SecretSetting? ChatUrl, string? ChatChannel)
{
    /// <summary>The receiver every alert goes to.</summary>
    public const string Platform = "platform";

    /// <summary>The receiver of alerts that go nowhere: the always-firing <c>Watchdog</c>, and every alert where no receiver is set.</summary>
    public const string Nowhere = "null";

    /// <summary>The key of the SMTP password in the receivers' Secret.</summary>
    public const string SmtpPasswordKey = "smtp-password";

    /// <summary>The key of the webhook's URL.</summary>
    public const string WebhookUrlKey = "webhook-url";

    /// <summary>The key of the chat webhook's URL.</summary>
    public const string ChatUrlKey = "chat-url";

    /// <summary>The receivers of <paramref name="alerts"/>.</summary>
    public static AlertReceivers For(AlertReceiversOptions? alerts) => new(
        alerts?.Email is { } email ? new EmailReceiver(Validated.Required(email.To), Validated.Required(email.From), Validated.Required(email.Smarthost), email.Username, email.Password) : null,
        alerts?.Webhook?.Url,
        alerts?.Chat?.Url,
        alerts?.Chat?.Channel);

    /// <summary>Whether any receiver is set.</summary>
    public bool Any => Email is not null || WebhookUrl is not null || ChatUrl is not null;

    /// <summary>The credentials the receivers' Secret holds, by key.</summary>
    public IEnumerable<(string Key, SecretSetting Value)> Secrets()
    {
        if (Email?.Password is { } password)
        {
            yield return (SmtpPasswordKey, password);
        }

        if (WebhookUrl is { } webhook)
        {
            yield return (WebhookUrlKey, webhook);
        }

        if (ChatUrl is { } chat)
        {
            yield return (ChatUrlKey, chat);
        }
    }

    /// <summary>
    /// Alertmanager's configuration: alerts grouped by name and namespace, critical ones repeated every hour and
    /// warnings every four, the <c>Watchdog</c> (which fires always, to prove the pipeline works) and
    /// <c>InfoInhibitor</c> sent nowhere, and a warning silenced while a critical alert of the same name and
    /// namespace fires.
    /// </summary>
    public JsonObject Config()
    {
        var receiver = Any ? Platform : Nowhere;
        var receivers = new JsonArray(new JsonObject { ["name"] = Nowhere });
        if (Any)
        {
            receivers.Add((JsonNode)PlatformReceiver());
        }

        return new JsonObject
        {
            ["global"] = new JsonObject { ["resolve_timeout"] = "5m" },
            ["route"] = new JsonObject
            {
                ["receiver"] = receiver,
                ["group_by"] = new JsonArray("alertname", "namespace"),
                ["group_wait"] = "30s",
                ["group_interval"] = "5m",
                ["repeat_interval"] = "4h",
                ["routes"] = new JsonArray(
                    new JsonObject { ["receiver"] = Nowhere, ["matchers"] = new JsonArray("alertname = \"Watchdog\"") },
                    new JsonObject { ["receiver"] = Nowhere, ["matchers"] = new JsonArray("alertname = \"InfoInhibitor\"") },
                    new JsonObject { ["receiver"] = receiver, ["matchers"] = new JsonArray("severity = \"critical\""), ["repeat_interval"] = "1h" }),
            },
            ["inhibit_rules"] = new JsonArray(new JsonObject
            {
                ["source_matchers"] = new JsonArray("severity = \"critical\""),
                ["target_matchers"] = new JsonArray("severity = \"warning\""),
                ["equal"] = new JsonArray("alertname", "namespace"),
            }),
            ["receivers"] = receivers,
            ["templates"] = new JsonArray("/etc/alertmanager/config/*.tmpl"),
        };
    }

    private JsonObject PlatformReceiver()
    {
        var platform = new JsonObject { ["name"] = Platform };
        if (Email is { } email)
        {
            var config = new JsonObject
            {
                ["to"] = email.To,
                ["from"] = email.From,
                ["smarthost"] = email.Smarthost,
                ["require_tls"] = true,
                ["send_resolved"] = true,
            };
            if (email.Username is { } user && email.Password is not null)
            {
                config["auth_username"] = user;
                config["auth_password_file"] = $"{MonitoringSpec.SecretsFolder}/{SmtpPasswordKey}";
            }

            platform["email_configs"] = new JsonArray(config);
        }

        if (WebhookUrl is not null)
        {
            platform["webhook_configs"] = new JsonArray(new JsonObject { ["url_file"] = $"{MonitoringSpec.SecretsFolder}/{WebhookUrlKey}", ["send_resolved"] = true });
        }

        if (ChatUrl is not null)
        {
            var chat = new JsonObject
            {
                ["api_url_file"] = $"{MonitoringSpec.SecretsFolder}/{ChatUrlKey}",
                ["send_resolved"] = true,
                ["title"] = "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}",
                ["text"] = "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.runbook }}\n{{ end }}",
            };
            if (ChatChannel is { } channel)
            {
                chat["channel"] = channel;
            }

            platform["slack_configs"] = new JsonArray(chat);
        }

        return platform;
    }
}

/// <summary>E-mail alerts.</summary>
/// <param name="To">The recipients.</param>
/// <param name="From">The sender.</param>
/// <param name="Smarthost">The SMTP relay, <c>host:port</c>.</param>
/// <param name="Username">The SMTP user, or null.</param>
/// <param name="Password">Its password, a secret setting, or null.</param>
public sealed record EmailReceiver(string To, string From, string Smarthost, string? Username, SecretSetting? Password);
