using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// The benchmark's daily closes for the beta (actortrader.management.dashboard.benchmark): from the lakehouse when it
/// holds them, else from the CSV directory (the bundled samples, which a replay trades on). Read at most once per
/// exchange date; the note says why there are none.
/// </summary>
internal sealed class BenchmarkCloses(string benchmark, DataSettings? data)
{
    private static readonly TimeZoneInfo Exchange = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private DateOnly? _readFor;
    private IReadOnlyDictionary<DateOnly, decimal> _closes = new Dictionary<DateOnly, decimal>();
    private string? _note;

    /// <summary>The closes up to <paramref name="through"/>, read again when that date moved on.</summary>
    public async Task<(IReadOnlyDictionary<DateOnly, decimal> Closes, string? Note)> ReadAsync(DateOnly through, CancellationToken cancellationToken)
    {
        if (_readFor == through) return (_closes, _note);
        _readFor = through;
        (_closes, _note) = await LoadAsync(through, cancellationToken).ConfigureAwait(false);
        return (_closes, _note);
    }

    private async Task<(IReadOnlyDictionary<DateOnly, decimal>, string?)> LoadAsync(DateOnly through, CancellationToken cancellationToken)
    {
        var none = new Dictionary<DateOnly, decimal>();
        if (benchmark.Length == 0) return (none, "no benchmark configured (actortrader.management.dashboard.benchmark)");
        if (data is null) return (none, "the node's data settings (actortrader.data) are not available");
        var symbol = benchmark.Contains(':', StringComparison.Ordinal) ? Symbol.Parse(benchmark) : new Symbol(Exchanges.Nyse, benchmark);
        var end = new DateTimeOffset(through.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var start = end.AddYears(-2);
        IReadOnlyList<Bar> bars = [];
        if (Directory.Exists(data.LakehouseDir))
            bars = new ParquetBarStore(LakehouseLayout.Resolve(data.DataDir, data.LakehouseDir)).Read(symbol, Timeframe.Day1, start, end);
        if (bars.Count == 0 && Directory.Exists(data.CsvDir))
            bars = await new CsvMarketDataProvider(data.CsvDir).GetBarsAsync(new BarRequest(symbol, Timeframe.Day1, start, end), cancellationToken).ConfigureAwait(false);
        if (bars.Count == 0) return (none, $"no daily bars of {symbol} in the lakehouse or the CSV directory; ingest it to see the beta");
        var closes = new Dictionary<DateOnly, decimal>();
        foreach (var bar in bars) closes[DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(bar.Timestamp, Exchange).DateTime)] = bar.Close;
        return (closes, null);
    }
}
