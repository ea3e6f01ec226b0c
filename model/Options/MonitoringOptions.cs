using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// The monitoring block (<c>mlops:platform.monitoring</c>): Prometheus, Alertmanager and Grafana from the Prometheus
/// community's kube-prometheus-stack, scraping every platform service the stack runs. On by default in production,
/// where replicas, requests, retention and storage default to their production sizes.
/// </summary>
public sealed record MonitoringOptions : SizedServiceOptions
{
    /// <summary>How long Prometheus keeps samples, as <c>&lt;n&gt;h</c>, <c>&lt;n&gt;d</c> or <c>&lt;n&gt;w</c>. Default: 15d in production, 3d otherwise.</summary>
    public string? Retention { get; init; }

    /// <summary>Each Prometheus replica's volume, a quantity. Default: 100Gi in production, 20Gi otherwise.</summary>
    public string? Storage { get; init; }

    /// <summary>Prometheus-compatible stores (Thanos receive, Mimir, VictoriaMetrics, ...) every sample is also written to. Default: none.</summary>
    public IReadOnlyList<RemoteWriteOptions>? RemoteWrite { get; init; }

    /// <summary>Where Alertmanager sends alerts. Default: nowhere (alerts show in Alertmanager and Grafana only).</summary>
    public AlertReceiversOptions? Alerts { get; init; }

    /// <inheritdoc />
    public override ServiceSizing Sizing => new(Replicas, Cpu, Memory, Storage);
}

/// <summary>A store Prometheus writes every sample to (<c>mlops:platform.monitoring.remoteWrite[i]</c>).</summary>
public sealed record RemoteWriteOptions
{
    /// <summary>The store's remote-write URL, HTTPS, e.g. <c>https://mimir.example.com/api/v1/push</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The basic-auth user, where the store asks for one.</summary>
    public string? Username { get; init; }

    /// <summary>The basic-auth password, set with <c>pulumi config set --secret</c>; required with <see cref="Username"/>.</summary>
    public SecretSetting? Password { get; init; }
}

/// <summary>Alertmanager's receivers (<c>mlops:platform.monitoring.alerts</c>): every alert goes to each one set.</summary>
public sealed record AlertReceiversOptions
{
    /// <summary>E-mail through an SMTP relay.</summary>
    public EmailReceiverOptions? Email { get; init; }

    /// <summary>A webhook that takes Alertmanager's JSON (an incident tool, an on-call service).</summary>
    public WebhookReceiverOptions? Webhook { get; init; }

    /// <summary>A chat channel through a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat).</summary>
    public ChatReceiverOptions? Chat { get; init; }
}

/// <summary>Alerts by e-mail (<c>mlops:platform.monitoring.alerts.email</c>).</summary>
public sealed record EmailReceiverOptions
{
    /// <summary>The recipients, comma-separated.</summary>
    public string? To { get; init; }

    /// <summary>The sender address.</summary>
    public string? From { get; init; }

    /// <summary>The SMTP relay, <c>host:port</c> (STARTTLS is required).</summary>
    public string? Smarthost { get; init; }

    /// <summary>The SMTP user, where the relay asks for one.</summary>
    public string? Username { get; init; }

    /// <summary>The SMTP password, set with <c>pulumi config set --secret</c>; required with <see cref="Username"/>.</summary>
    public SecretSetting? Password { get; init; }
}

/// <summary>Alerts to a webhook (<c>mlops:platform.monitoring.alerts.webhook</c>).</summary>
public sealed record WebhookReceiverOptions
{
    /// <summary>The webhook's HTTPS URL, set with <c>pulumi config set --secret</c> (such URLs often carry a token).</summary>
    public SecretSetting? Url { get; init; }
}

/// <summary>Alerts to a chat channel (<c>mlops:platform.monitoring.alerts.chat</c>).</summary>
public sealed record ChatReceiverOptions
{
    /// <summary>The incoming webhook's URL, set with <c>pulumi config set --secret</c>.</summary>
    public SecretSetting? Url { get; init; }

    /// <summary>The channel, e.g. <c>#mlops-alerts</c>. Default: the webhook's own.</summary>
    public string? Channel { get; init; }
}
