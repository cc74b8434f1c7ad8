using System.Collections.Concurrent;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>
/// A provider scripted per symbol: bars to return (filtered to the request range), and failures to throw first, one per
/// call. Records every request. Symbols without a script get weekday bars. Metadata comes from <see cref="Metadata"/>,
/// after the failures queued with <see cref="FailSymbolsFirst"/>; every metadata call is recorded.
/// </summary>
internal sealed class FakeProvider(string name = "fake", bool isSynthetic = true) : IMarketDataProvider
{
    private readonly ConcurrentDictionary<Symbol, List<Bar>> _bars = new();
    private readonly ConcurrentDictionary<Symbol, ConcurrentQueue<Exception>> _failures = new();
    private readonly ConcurrentQueue<Exception> _symbolFailures = new();

    public string Name => name;

    public bool IsSynthetic => isSynthetic;

    public ConcurrentQueue<BarRequest> Requests { get; } = new();

    public List<SymbolMetadata> Metadata { get; } = [];

    /// <summary>The symbols asked for in each metadata call, in call order.</summary>
    public ConcurrentQueue<IReadOnlyCollection<Symbol>?> SymbolCalls { get; } = new();

    public void SetBars(Symbol symbol, List<Bar> bars) => _bars[symbol] = bars;

    public void FailFirst(Symbol symbol, params Exception[] failures) => _failures[symbol] = new ConcurrentQueue<Exception>(failures);

    public void FailSymbolsFirst(params Exception[] failures)
    {
        foreach (var failure in failures) _symbolFailures.Enqueue(failure);
    }

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

    public Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        SymbolCalls.Enqueue(symbols?.ToArray());
        if (_symbolFailures.TryDequeue(out var failure)) return Task.FromException<IReadOnlyList<SymbolMetadata>>(failure);
        List<SymbolMetadata> known;
        lock (Metadata) known = Metadata.Where(m => symbols is null || symbols.Contains(m.Symbol)).ToList();
        return Task.FromResult<IReadOnlyList<SymbolMetadata>>(known);
    }
}
