using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Fetches one symbol's bars, retrying transient provider failures (429, 5xx, timeouts) with <see cref="RetryBackoff"/>
/// up to the attempt limit. A non-transient failure is a refusal (retrying cannot help); any other exception is
/// reported as that symbol's failure so one bad symbol never fails the run.
/// </summary>
internal sealed class RetryingFetcher(IMarketDataProvider provider, int maxAttempts, RetryBackoff backoff, Func<TimeSpan, CancellationToken, Task> delay)
{
    public async Task<FetchOutcome> FetchAsync(BarRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var bars = await provider.GetBarsAsync(request, cancellationToken).ConfigureAwait(false);
                return new FetchOutcome(bars, null, null, attempt);
            }
            catch (MarketDataException e) when (!e.IsTransient)
            {
                return new FetchOutcome(null, new SymbolRejection(request.Symbol, RejectionKind.ProviderRefused, $"{provider.Name} refused the request: {e.Message}"), null, attempt);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (attempt >= maxAttempts)
                    return new FetchOutcome(null, null, new SymbolFailure(request.Symbol, $"{provider.Name} failed {attempt} time(s); last error: {Describe(e)}", attempt), attempt);
                await delay(backoff.DelayBefore(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not a provider failure the contract names: report it against the symbol, with its type, and go on.
                return new FetchOutcome(null, null, new SymbolFailure(request.Symbol, $"{provider.Name} threw {Describe(e)}", attempt), attempt);
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
