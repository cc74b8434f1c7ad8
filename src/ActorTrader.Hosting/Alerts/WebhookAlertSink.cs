using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Serilog;

namespace ActorTrader.Hosting.Alerts;

/// <summary>
/// POSTs each alert as JSON (<c>{"kind","severity","key","message","at","node"}</c>) to the configured webhook. Sending
/// never blocks the caller: alerts wait in a bounded queue (the oldest is dropped, and logged, when it is full) for a
/// background sender that retries a failed POST with doubling backoff. Failures are logged with the webhook's scheme and
/// host only — its path or query may carry a secret.
/// </summary>
public sealed class WebhookAlertSink : IAlertSink, IAsyncDisposable
{
    public const int QueueCapacity = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Uri _url;
    private readonly string _display;
    private readonly string _node;
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly int _retries;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<Alert> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;

    public WebhookAlertSink(Uri url, string node, HttpClient http, TimeSpan timeout, int retries, TimeProvider time, ILogger log)
    {
        _url = url ?? throw new ArgumentNullException(nameof(url));
        _display = $"{url.Scheme}://{url.Authority}/…";
        _node = node ?? throw new ArgumentNullException(nameof(node));
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _timeout = timeout;
        _retries = retries;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = (log ?? throw new ArgumentNullException(nameof(log))).ForContext<WebhookAlertSink>();
        _queue = Channel.CreateBounded<Alert>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => _log.Warning("Alert webhook {Webhook}: the queue is full; alert {AlertKey} was dropped (it is still in the log and on the dashboard)", _display, dropped.Key));
        _sender = Task.Run(() => SendLoopAsync(_stop.Token));
    }

    public string Name => "webhook";

    public void Send(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _queue.Writer.TryWrite(alert);
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                await SendWithRetriesAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was logged when it was raised.
        }
    }

    private async Task SendWithRetriesAsync(Alert alert, CancellationToken cancellationToken)
    {
        var body = new { kind = alert.Kind, severity = alert.Severity.ToString().ToLowerInvariant(), key = alert.Key, message = alert.Message, at = alert.At, node = _node };
        var backoff = TimeSpan.FromSeconds(1);
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                using var response = await _http.PostAsJsonAsync(_url, body, Json, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {_timeout.TotalSeconds:0.#} s";
            }
            if (attempt >= _retries)
            {
                _log.Warning("Alert webhook {Webhook}: alert {AlertKey} not delivered after {Attempts} attempts ({Failure}); it is in the log and on the dashboard. Fix: check actortrader.alerts.webhook.url and that the receiver answers 2xx",
                    _display, alert.Key, attempt + 1, failure);
                return;
            }
            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sender.ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
