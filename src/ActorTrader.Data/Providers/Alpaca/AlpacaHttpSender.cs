using System.Net.Http.Headers;
using Polly;
using Serilog;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// One authenticated HTTP attempt against Alpaca, shared by the market-data client and the broker: the key pair
/// headers, an optional JSON body, the per-attempt timeout over the request and its whole body, and the server's
/// Retry-After. It never retries; what may be retried, and how, is the caller's decision.
/// A timeout throws Polly's <see cref="Polly.Timeout.TimeoutRejectedException"/>; transport failures throw
/// <see cref="HttpRequestException"/> or <see cref="IOException"/>.
/// </summary>
public sealed class AlpacaHttpSender
{
    private readonly HttpClient _http;
    private readonly AlpacaCredentials _credentials;
    private readonly ResiliencePipeline _timeout;
    private readonly TimeProvider _clock;
    private readonly ILogger? _logger;

    /// <param name="clock">Turns a Retry-After date into a delay.</param>
    /// <param name="logger">Receives failed statuses, never credentials.</param>
    public AlpacaHttpSender(HttpClient http, AlpacaCredentials credentials, TimeSpan requestTimeout, TimeProvider clock, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(clock);
        _http = http;
        _credentials = credentials;
        _clock = clock;
        _logger = logger;
        // I/O timeouts run on wall-clock time because the network does; the waits callers choose
        // (backoff, rate limit) run on their injected clock so tests can drive them.
        _timeout = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddTimeout(requestTimeout)
            .Build();
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="url"/>; <paramref name="what"/> names the call in the log.</summary>
    public async Task<AlpacaHttpResponse> SendAsync(HttpMethod method, Uri url, byte[]? jsonBody, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        return await _timeout.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, url);
                // Without validation: a rejected value would be quoted in the FormatException's message.
                request.Headers.TryAddWithoutValidation("APCA-API-KEY-ID", _credentials.KeyId);
                request.Headers.TryAddWithoutValidation("APCA-API-SECRET-KEY", _credentials.SecretKey);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (jsonBody is not null)
                {
                    request.Content = new ByteArrayContent(jsonBody);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }
                using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var body = await answer.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                var result = new AlpacaHttpResponse((int)answer.StatusCode, body, RetryAfterOf(answer.Headers.RetryAfter));
                if (!result.IsSuccess)
                    _logger?.Debug("Alpaca answered HTTP {Status} for {What} at {Route}", result.StatusCode, what, AlpacaErrorText.Route(method.Method, url));
                return result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _clock.GetUtcNow(),
        _ => null,
    };
}
