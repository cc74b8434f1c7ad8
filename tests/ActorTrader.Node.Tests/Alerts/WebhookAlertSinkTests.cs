using ActorTrader.Hosting.Alerts;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTrader.Node.Tests.Alerts;

public sealed class WebhookAlertSinkTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        private readonly TaskCompletionSource<LogEvent> _warning = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<LogEvent> Warning => _warning.Task;

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level == LogEventLevel.Warning) _warning.TrySetResult(logEvent);
        }
    }

    private static Alert Sample() => new(AlertKinds.Memory, AlertSeverity.Warning, "memory", "85% of the limit", new DateTimeOffset(2024, 7, 1, 14, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_alert_is_posted_as_json_with_kind_severity_key_message_time_and_node()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        await using var sink = new WebhookAlertSink(webhook.Url, "node-a", http, TimeSpan.FromSeconds(10), 0, TimeProvider.System, new LoggerConfiguration().CreateLogger());

        sink.Send(Sample());

        var body = await webhook.NextOfKindAsync(AlertKinds.Memory, TimeSpan.FromSeconds(30));
        Assert.Equal("warning", body.GetProperty("severity").GetString());
        Assert.Equal("memory", body.GetProperty("key").GetString());
        Assert.Equal("85% of the limit", body.GetProperty("message").GetString());
        Assert.Equal("node-a", body.GetProperty("node").GetString());
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 14, 0, 0, TimeSpan.Zero), body.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_webhook_that_fails_is_logged_without_its_secret_path_and_send_never_throws()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        webhook.Status = 500;
        var logs = new CollectingSink();
        using var http = new HttpClient();
        await using var sink = new WebhookAlertSink(webhook.Url, "node-a", http, TimeSpan.FromSeconds(10), 0, TimeProvider.System,
            new LoggerConfiguration().WriteTo.Sink(logs).CreateLogger());

        sink.Send(Sample());

        var warning = await logs.Warning.WaitAsync(TimeSpan.FromSeconds(30));
        var text = warning.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("HTTP 500", text, StringComparison.Ordinal);
        Assert.Contains(webhook.Url.Authority, text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_webhook_is_logged_and_the_caller_goes_on()
    {
        var logs = new CollectingSink();
        using var http = new HttpClient();
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        await using var sink = new WebhookAlertSink(new Uri("http://127.0.0.1:9/hooks/s3cret"), "node-a", http, TimeSpan.FromSeconds(5), 0, TimeProvider.System,
            new LoggerConfiguration().WriteTo.Sink(logs).CreateLogger());

        sink.Send(Sample());

        var warning = await logs.Warning.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("not delivered", warning.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", warning.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
