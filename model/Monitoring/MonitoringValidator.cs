using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Monitoring;

/// <summary>The rules of <c>mlops:platform.monitoring</c>: its retention, its remote-write stores and its receivers.</summary>
public static partial class MonitoringValidator
{
    private const string Path = "mlops:platform:monitoring";

    /// <summary>Checks the block, adding every failure to <paramref name="errors"/>.</summary>
    public static void Validate(MonitoringOptions? block, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (block is null)
        {
            return;
        }

        if (block.Retention is { } retention && !IsRetention(retention))
        {
            errors.Fail(MonitoringErrors.Retention, $"{Path}:retention", $"'{retention}' is not a retention: write a count of hours, days, weeks or years, such as '36h', '15d', '4w' or '1y'. Set it with 'pulumi config set --path mlops:platform.monitoring.retention 15d'.");
        }

        var stores = block.RemoteWrite ?? [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < stores.Count; i++)
        {
            var store = stores[i];
            var path = $"{Path}:remoteWrite:{i}";
            var key = $"mlops:platform.monitoring.remoteWrite[{i}]";
            if (store.Url is not { Length: > 0 } url)
            {
                errors.Fail(MonitoringErrors.RemoteWriteUrl, $"{path}:url", $"is required: the store's remote-write URL. Set it with 'pulumi config set --path {key}.url https://<host>/api/v1/push'.");
            }
            else if (!ValueRules.IsHttpUrl(url) || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                errors.Fail(MonitoringErrors.RemoteWriteUrl, $"{path}:url", $"'{url}' is not an https:// URL: every sample and the store's credentials travel over it. Set it with 'pulumi config set --path {key}.url https://<host>/api/v1/push'.");
            }
            else if (!seen.Add(url.TrimEnd('/')))
            {
                errors.Fail(MonitoringErrors.RemoteWriteTwice, $"{path}:url", $"'{url}' is listed before: Prometheus would write every sample to it twice. Remove this entry with 'pulumi config rm --path {key}'.");
            }

            Credentials(store.Username, store.Password, path, key, errors);
        }

        if (block.Alerts is not { } alerts)
        {
            return;
        }

        if (alerts.Email is { } email)
        {
            var path = $"{Path}:alerts:email";
            const string Key = "mlops:platform.monitoring.alerts.email";
            if (email.To is not { Length: > 0 } to || to.Split(',', StringSplitOptions.TrimEntries).Any(a => !ValueRules.IsEmail(a)))
            {
                errors.Fail(MonitoringErrors.Email, $"{path}:to", $"{Shown(email.To)}: list the recipients' e-mail addresses, comma-separated. Set it with 'pulumi config set --path {Key}.to ops@example.com'.");
            }

            if (email.From is not { Length: > 0 } from || !ValueRules.IsEmail(from))
            {
                errors.Fail(MonitoringErrors.Email, $"{path}:from", $"{Shown(email.From)}: name the sender's e-mail address. Set it with 'pulumi config set --path {Key}.from alertmanager@example.com'.");
            }

            if (email.Smarthost is not { Length: > 0 } relay || !IsHostPort(relay))
            {
                errors.Fail(MonitoringErrors.Email, $"{path}:smarthost", $"{Shown(email.Smarthost)}: name the SMTP relay as host:port. Set it with 'pulumi config set --path {Key}.smarthost smtp.example.com:587'.");
            }

            Credentials(email.Username, email.Password, path, Key, errors);
        }

        if (alerts.Webhook is { Url: null })
        {
            errors.Fail(MonitoringErrors.ReceiverUrl, $"{Path}:alerts:webhook:url", "is required: the webhook Alertmanager posts alerts to. Set it with 'pulumi config set --secret --path mlops:platform.monitoring.alerts.webhook.url https://<host>/<path>'.");
        }

        if (alerts.Chat is { Url: null })
        {
            errors.Fail(MonitoringErrors.ReceiverUrl, $"{Path}:alerts:chat:url", "is required: the channel's incoming webhook. Set it with 'pulumi config set --secret --path mlops:platform.monitoring.alerts.chat.url https://<host>/hooks/<token>'.");
        }
    }

    /// <summary>Whether <paramref name="value"/> is a retention this project writes for Prometheus: a whole count of hours, days, weeks or years.</summary>
    public static bool IsRetention(string value) => RetentionPattern().IsMatch(value);

    private static void Credentials(string? user, SecretSetting? password, string path, string key, ConfigErrors errors)
    {
        if (user is { Length: > 0 } && password is null)
        {
            errors.Fail(MonitoringErrors.Credentials, $"{path}:password", $"is required with {key}.username '{user}'. Set it with 'pulumi config set --secret --path {key}.password <password>'.");
        }
        else if (user is not { Length: > 0 } && password is not null)
        {
            errors.Fail(MonitoringErrors.Credentials, $"{path}:username", $"is required with {key}.password: name the user the password belongs to. Set it with 'pulumi config set --path {key}.username <user>'.");
        }
    }

    private static string Shown(string? value) => value is { Length: > 0 } ? $"'{value}' is not valid" : "is required";

    private static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0
            && ValueRules.IsHostName(value[..colon])
            && int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is > 0 and < 65536;
    }

    [GeneratedRegex("^[1-9][0-9]{0,5}[hdwy]$")]
    private static partial Regex RetentionPattern();
}
