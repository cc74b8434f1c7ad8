using ActorTrader.Brokers.Abstractions;
using ActorTrader.Data.Providers.Alpaca;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Serilog;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// The Trading API's REST calls with their resilience: every attempt passes the circuit breaker, waits for the rate
/// limiter and is one <see cref="AlpacaHttpSender"/> attempt under the request timeout. Idempotent calls are retried
/// with exponential backoff and jitter (or the server's Retry-After) on 429, 5xx, timeouts and dropped connections;
/// the others are sent exactly once. Returns 2xx and 4xx answers; throws <see cref="BrokerException"/> for the rest.
/// </summary>
internal sealed class AlpacaTradingTransport
{
    // Names the call in retry and circuit logs.
    private static readonly ResiliencePropertyKey<string> WhatKey = new("alpaca.what");

    private readonly AlpacaBrokerOptions _options;
    private readonly AlpacaBrokerErrors _errors;
    private readonly AlpacaHttpSender _sender;
    private readonly RequestRateLimiter _limiter;
    private readonly ResiliencePipeline<AlpacaHttpResponse> _breaker;
    private readonly ResiliencePipeline<AlpacaHttpResponse> _retry;
    private readonly ILogger _log;

    public AlpacaTradingTransport(HttpClient http, AlpacaBrokerOptions options, AlpacaBrokerErrors errors, TimeProvider clock, ILogger log)
    {
        _options = options;
        _errors = errors;
        _log = log;
        _sender = new AlpacaHttpSender(http, options.Credentials, options.RequestTimeout, clock, log);
        _limiter = new RequestRateLimiter(options.RequestsPerMinute, clock);
        _breaker = BuildBreaker(clock);
        _retry = BuildRetry(clock);
    }

    /// <summary>The final answer to <paramref name="call"/> when it is 2xx or 4xx (except 429).</summary>
    public async Task<AlpacaHttpResponse> SendAsync(AlpacaCall call, CancellationToken cancellationToken)
    {
        var url = call.UrlUnder(_options.BaseUrl);
        // A call that is not retried makes exactly one attempt; a retried one counts its own.
        var attempts = call.Idempotent ? 0 : 1;
        AlpacaHttpResponse response;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WhatKey, call.What);
        try
        {
            var pipeline = call.Idempotent ? _retry : ResiliencePipeline<AlpacaHttpResponse>.Empty;
            response = await pipeline.ExecuteAsync(
                async attemptContext =>
                {
                    if (call.Idempotent) attempts++;
                    return await AttemptAsync(call, url, attemptContext).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException e)
        {
            throw _errors.CircuitOpen(call, url, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw _errors.TimedOut(call, url, attempts, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // HttpClient.Timeout of the caller's client fired before RequestTimeout did.
            throw _errors.TimedOut(call, url, attempts, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw _errors.Unreachable(call, url, attempts, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsTransientFailure) throw _errors.ForStatus(call, url, response, attempts);
        return response;
    }

    private ValueTask<AlpacaHttpResponse> AttemptAsync(AlpacaCall call, Uri url, ResilienceContext context) =>
        _breaker.ExecuteAsync(
            async attemptContext =>
            {
                var token = attemptContext.CancellationToken;
                await _limiter.AcquireAsync(token).ConfigureAwait(false);
                return await _sender.SendAsync(call.Method, url, call.Body, call.What, token).ConfigureAwait(false);
            },
            context);

    private static PredicateBuilder<AlpacaHttpResponse> Failures() =>
        new PredicateBuilder<AlpacaHttpResponse>()
            .HandleResult(r => r.IsTransientFailure)
            .Handle<TimeoutRejectedException>()
            .Handle<HttpRequestException>()
            .Handle<IOException>()
            .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException);

    // One breaker for every call: an outage is the broker's, not one route's.
    private ResiliencePipeline<AlpacaHttpResponse> BuildBreaker(TimeProvider clock) =>
        new ResiliencePipelineBuilder<AlpacaHttpResponse> { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AlpacaHttpResponse>
            {
                // Every attempt in the window failed, and at least this many: "consecutive failures" over a sliding window.
                FailureRatio = 1.0,
                MinimumThroughput = _options.CircuitBreakerFailures,
                SamplingDuration = _options.CircuitBreakerWindow,
                BreakDuration = _options.CircuitBreakerBreak,
                ShouldHandle = Failures(),
                OnOpened = args =>
                {
                    _log.Warning("Alpaca circuit opened for {Break} after repeated failures (last: {Reason} on {What})",
                        args.BreakDuration, Describe(args.Outcome), What(args.Context));
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    _log.Information("Alpaca circuit half-open: the next call is a trial");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    _log.Information("Alpaca circuit closed: calls flow again");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private ResiliencePipeline<AlpacaHttpResponse> BuildRetry(TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<AlpacaHttpResponse> { TimeProvider = clock };
        if (_options.MaxRetries == 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<AlpacaHttpResponse>
        {
            MaxRetryAttempts = _options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.MaxRetryDelay,
            // An open circuit is not retried: failing fast is its point.
            ShouldHandle = Failures(),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfterCappedAt(_options.MaxRetryDelay)),
            OnRetry = args =>
            {
                _log.Warning("Alpaca attempt {Attempt} of {What} failed ({Reason}); retrying in {Delay}",
                    args.AttemptNumber + 1, What(args.Context), Describe(args.Outcome), args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static string What(ResilienceContext context) => context.Properties.GetValue(WhatKey, "an Alpaca call");

    private static string Describe(Outcome<AlpacaHttpResponse> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {outcome.Result?.StatusCode}";
}
