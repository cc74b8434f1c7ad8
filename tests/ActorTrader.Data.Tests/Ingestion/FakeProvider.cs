using System.Collections.Concurrent;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>
/// A provider scripted per symbol: bars to return (filtered to the request range), and failures to throw first, one per
/// call. Records every request. Symbols without a script get weekday bars.
/// </summary>
internal sealed class FakeProvider : IMarketDataProvider
{
    private readonly ConcurrentDictionary<Symbol, List<Bar>> _bars = new();
    private readonly ConcurrentDictionary<Symbol, ConcurrentQueue<Exception>> _failures = new();

    public string Name => "fake";

    public bool IsSynthetic => true;

    public ConcurrentQueue<BarRequest> Requests { get; } = new();

    public List<SymbolMetadata> Metadata { get; } = [];

    public void SetBars(Symbol symbol, List<Bar> bars) => _bars[symbol] = bars;

    public void FailFirst(Symbol symbol, params Exception[] failures) => _failures[symbol] = new ConcurrentQueue<Exception>(failures);

    public int CallsFor(Symbol symbol) => Requests.Count(r => r.Symbol == symbol);

    public Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        if (_failures.TryGetValue(request.Symbol, out var queue) && queue.TryDequeue(out var failure)) return Task.FromException<IReadOnlyList<Bar>>(failure);
        var bars = _bars.TryGetValue(request.Symbol, out var scripted) ? scripted : TestBars.Weekdays(NextMidnight(request.Start), request.End);
        return Task.FromResult<IReadOnlyList<Bar>>(bars.Where(b => b.Timestamp >= request.Start && b.Timestamp < request.End).ToList());
    }

    // Unscripted bars sit at UTC midnight whatever the request start, like a real provider's daily bars.
    private static DateTimeOffset NextMidnight(DateTimeOffset t) =>
        t.TimeOfDay == TimeSpan.Zero ? t : new DateTimeOffset(t.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    public Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SymbolMetadata>>(Metadata.Where(m => symbols is null || symbols.Contains(m.Symbol)).ToList());
}
