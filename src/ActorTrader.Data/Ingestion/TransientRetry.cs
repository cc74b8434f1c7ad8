using ActorTrader.Data.Providers;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The retry policy every provider call of a run shares (bars and symbol metadata): transient failures (429, 5xx,
/// timeouts) are retried with <see cref="RetryBackoff"/> up to the attempt limit; a non-transient
/// <see cref="MarketDataException"/> is a refusal (retrying cannot help); any other exception ends the call as a
/// failure naming its type. Only the caller's own cancellation escapes.
/// </summary>
internal sealed class TransientRetry(IMarketDataProvider provider, int maxAttempts, RetryBackoff backoff, Func<TimeSpan, CancellationToken, Task> delay)
{
    public IMarketDataProvider Provider => provider;

    public async Task<RetryResult<T>> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return RetryResult<T>.Success(await call(cancellationToken).ConfigureAwait(false), attempt);
            }
            catch (MarketDataException e) when (!e.IsTransient)
            {
                return RetryResult<T>.Refused($"{provider.Name} refused the request: {e.Message}", attempt);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (attempt >= maxAttempts) return RetryResult<T>.Failed($"{provider.Name} failed {attempt} time(s); last error: {Describe(e)}", attempt);
                await delay(backoff.DelayBefore(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not a provider failure the contract names: report it with its type, and let the run go on.
                return RetryResult<T>.Failed($"{provider.Name} threw {Describe(e)}", attempt);
            }
        }
    }

    // A timeout surfaces as a transient MarketDataException, a TimeoutException, or a cancellation that is not ours.
    private static bool IsTransient(Exception e, CancellationToken ours) =>
        e is MarketDataException { IsTransient: true } or TimeoutException
        || (e is OperationCanceledException && !ours.IsCancellationRequested);

    private static string Describe(Exception e) =>
        e is MarketDataException { StatusCode: { } status } ? $"HTTP {status}: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
}

/// <summary>A provider call after retries: its value, or a refusal (not worth retrying) or a failure, each with the reason.</summary>
internal readonly record struct RetryResult<T>(T? Value, string? Refusal, string? Failure, int Attempts)
{
    public bool Succeeded => Refusal is null && Failure is null;

    public static RetryResult<T> Success(T value, int attempts) => new(value, null, null, attempts);

    public static RetryResult<T> Refused(string reason, int attempts) => new(default, reason, null, attempts);

    public static RetryResult<T> Failed(string error, int attempts) => new(default, null, error, attempts);
}
