using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The sleeve's return periods: period k ends at panel time k + 1 (its date), so a panel of T bars has T − 1 periods.
/// Also holds each symbol's simple close-to-close return per period (NaN where a close is missing) and the number of
/// periods per year used to annualise (252 trading days; 365 when every symbol is crypto; × bars per day for minutes).
/// <see cref="BarTimes"/> are the panel's bar times: the close of bar k decides what is held over period k.
/// </summary>
public sealed class ReturnAxis
{
    private readonly double[][] _assetReturns;

    private ReturnAxis(IReadOnlyList<DateTimeOffset> barTimes, IReadOnlyList<Symbol> symbols, double[][] assetReturns, double periodsPerYear)
    {
        BarTimes = barTimes;
        Dates = [.. barTimes.Skip(1)];
        Symbols = symbols;
        _assetReturns = assetReturns;
        PeriodsPerYear = periodsPerYear;
    }

    /// <summary>Period k's date: the time of the bar it ends at (panel time k + 1).</summary>
    public IReadOnlyList<DateTimeOffset> Dates { get; }

    /// <summary>The panel's bar times (one more than <see cref="Dates"/>): BarTimes[k] is the bar whose close decides what is held over period k.</summary>
    public IReadOnlyList<DateTimeOffset> BarTimes { get; }

    public IReadOnlyList<Symbol> Symbols { get; }

    public double PeriodsPerYear { get; }

    public int Length => Dates.Count;

    /// <summary>The simple returns of panel symbol <paramref name="symbol"/> per period (NaN where a close is missing or zero).</summary>
    public ReadOnlySpan<double> AssetReturns(int symbol) => _assetReturns[symbol];

    public static ReturnAxis Of(BarPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.TimeCount < 2) throw new ArgumentException($"The panel has {panel.TimeCount} bar(s); returns need at least 2.", nameof(panel));
        var view = panel.AsOf(panel.TimeCount - 1);
        var returns = new double[panel.SymbolCount][];
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var close = view.Close(s);
            var r = new double[panel.TimeCount - 1];
            for (var k = 0; k < r.Length; k++)
                r[k] = close[k] > 0 && double.IsFinite(close[k]) && double.IsFinite(close[k + 1]) ? close[k + 1] / close[k] - 1 : double.NaN;
            returns[s] = r;
        }
        var crypto = panel.Symbols.All(s => AssetProfiles.Infer(s) == AssetProfile.Crypto);
        var perYear = crypto ? Quant.Returns.PeriodsPerYear.CalendarDays : Quant.Returns.PeriodsPerYear.TradingDays;
        if (panel.Timeframe == Timeframe.Minute1) perYear *= crypto ? 1440 : 390;
        return new ReturnAxis([.. panel.Times], panel.Symbols, returns, perYear);
    }
}
