using Polly;
using Polly.Retry;
using Polly.Timeout;
using Serilog;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Authenticated, rate-limited, retried GETs against Alpaca. Each attempt waits for the rate limiter, then is one
/// <see cref="AlpacaHttpSender"/> attempt under the per-request timeout; 429, 5xx, timeouts and dropped connections
/// are retried with exponential backoff and jitter (or the server's Retry-After). GETs are idempotent, so retrying
/// them is always safe.
/// </summary>
internal sealed class AlpacaHttpTransport
{
    private readonly AlpacaErrors _errors;
    private readonly RequestRateLimiter _limiter;
    private readonly ResiliencePipeline<AlpacaHttpResponse> _retry;
    private readonly AlpacaHttpSender _sender;
    private readonly ILogger? _logger;

    public AlpacaHttpTransport(HttpClient http, AlpacaDataOptions options, TimeProvider clock, ILogger? logger)
    {
        _logger = logger;
        _errors = new AlpacaErrors(options);
        _limiter = new RequestRateLimiter(options.RateLimitPerMinute, clock);
        _retry = BuildRetry(options, clock);
        _sender = new AlpacaHttpSender(http, options.Credentials, options.RequestTimeout, clock, logger);
    }

    public AlpacaErrors Errors => _errors;

    /// <summary>
    /// The body of a 2xx answer to GET <paramref name="url"/>; null for a 404 when <paramref name="notFoundIsNull"/>.
    /// <paramref name="what"/> names the request in errors ("bars of AAPL").
    /// </summary>
    public async Task<byte[]?> GetAsync(Uri url, string what, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var attempts = 0;
        AlpacaHttpResponse response;
        try
        {
            response = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(url, what, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            throw _errors.TimedOut(what, url, attempts, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // HttpClient.Timeout of a caller-supplied client fired before RequestTimeout did.
            throw _errors.TimedOut(what, url, attempts, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw _errors.Unreachable(what, url, attempts, e);
        }

        if (response.IsSuccess) return response.Body;
        if (response.StatusCode == 404 && notFoundIsNull) return null;
        throw _errors.ForStatus(response, what, url, attempts);
    }

    private async ValueTask<AlpacaHttpResponse> AttemptAsync(Uri url, string what, CancellationToken cancellationToken)
    {
        await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _sender.SendAsync(HttpMethod.Get, url, jsonBody: null, what, cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<AlpacaHttpResponse> BuildRetry(AlpacaDataOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<AlpacaHttpResponse> { TimeProvider = clock };
        if (options.MaxRetryAttempts == 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<AlpacaHttpResponse>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = new PredicateBuilder<AlpacaHttpResponse>()
                .HandleResult(r => r.IsTransientFailure)
                .Handle<TimeoutRejectedException>()
                .Handle<HttpRequestException>()
                .Handle<IOException>()
                .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfterCappedAt(options.MaxRetryDelay)),
            OnRetry = args =>
            {
                _logger?.Warning(
                    "Alpaca attempt {Attempt} failed ({Reason}); retrying in {Delay}",
                    args.AttemptNumber + 1,
                    args.Outcome.Exception is { } e ? e.GetType().Name : $"HTTP {args.Outcome.Result?.StatusCode}",
                    args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
