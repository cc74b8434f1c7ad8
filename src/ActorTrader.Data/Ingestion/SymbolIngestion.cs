using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The per-symbol part of the stream, run with bounded parallelism: a symbol the planning stage refused or skipped
/// goes straight through; the others are fetched with retries, then checked by the toxic guard and OHLC sanity, then
/// strict health. Produces a batch to write or the reason there is none.
/// </summary>
internal sealed class SymbolIngestion(
    RetryingFetcher fetcher,
    decimal toxicReturn,
    double maxMissingFraction,
    Func<Symbol, IMarketCalendar?> calendarFor,
    TimeProvider clock)
{
    private readonly SessionDays _sessionDays = new();

    public async Task<SymbolOutcome> ProcessAsync(FetchPlan plan, DateTimeOffset rangeStart, CancellationToken cancellationToken)
    {
        if (plan.Rejection is { } refused) return new SymbolOutcome(plan.Symbol, Rejection: refused);
        if (plan.IsSkipped) return new SymbolOutcome(plan.Symbol, Skipped: new SkippedSymbol(plan.Symbol, plan.SkipReason!));
        var request = plan.Request!;
        FetchOutcome fetched;
        try
        {
            fetched = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run was stopped while this symbol was in flight: it ends as failed so the summary still accounts for it.
            return new SymbolOutcome(plan.Symbol, Failure: new SymbolFailure(plan.Symbol, "run cancelled before the fetch finished", 0));
        }
        if (fetched.Refused is { } providerRefused) return new SymbolOutcome(plan.Symbol, Rejection: providerRefused);
        if (fetched.Failure is { } failure) return new SymbolOutcome(plan.Symbol, Failure: failure);
        var bars = fetched.Bars!;
        if (bars.Count == 0 && plan.LastStored is null)
        {
            return new SymbolOutcome(plan.Symbol, Fetched: true, Rejection: new SymbolRejection(plan.Symbol, RejectionKind.Unhealthy,
                $"no bars between {BarValidator.Time(request.Start)} and {BarValidator.Time(request.End)}"));
        }
        var bad = BarValidator.Validate(plan.Symbol, bars, toxicReturn, plan.LastStored)
            ?? StrictHealth.Check(plan.Symbol, request.Timeframe, bars, calendarFor(plan.Symbol),
                plan.LastStored is null ? rangeStart : request.Start, request.End, clock.GetUtcNow(), maxMissingFraction, _sessionDays);
        return bad is not null
            ? new SymbolOutcome(plan.Symbol, Rejection: bad, BarsFetched: bars.Count, Fetched: true)
            : new SymbolOutcome(plan.Symbol, Batch: new BarBatch(plan.Symbol, request.Timeframe, bars), BarsFetched: bars.Count, Fetched: true);
    }
}
