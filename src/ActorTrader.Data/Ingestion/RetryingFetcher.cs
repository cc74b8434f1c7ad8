using ActorTrader.Data.Providers;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Fetches one symbol's bars under the run's <see cref="TransientRetry"/> policy: a refusal rejects the symbol, a
/// failure (retries exhausted, unexpected exception) fails it, so one bad symbol never fails the run.
/// </summary>
internal sealed class RetryingFetcher(TransientRetry retry)
{
    public RetryingFetcher(IMarketDataProvider provider, int maxAttempts, RetryBackoff backoff, Func<TimeSpan, CancellationToken, Task> delay)
        : this(new TransientRetry(provider, maxAttempts, backoff, delay))
    {
    }

    public async Task<FetchOutcome> FetchAsync(BarRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await retry.RunAsync(ct => retry.Provider.GetBarsAsync(request, ct), cancellationToken).ConfigureAwait(false);
        if (result.Refusal is { } refusal) return new FetchOutcome(null, new SymbolRejection(request.Symbol, RejectionKind.ProviderRefused, refusal), null, result.Attempts);
        if (result.Failure is { } failure) return new FetchOutcome(null, null, new SymbolFailure(request.Symbol, failure, result.Attempts), result.Attempts);
        return new FetchOutcome(result.Value, null, null, result.Attempts);
    }
}
