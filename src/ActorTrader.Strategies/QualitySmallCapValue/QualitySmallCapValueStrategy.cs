using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.QualitySmallCapValue;

/// <summary>
/// Small, cheap, good companies from fundamental inputs (point-in-time: only data published by the decision time).
/// Universe: symbols with a price at the decision bar and a known market cap, cut to the smallest <c>size_quantile</c>;
/// then return on equity ≥ <c>min_roe</c> and debt-to-equity ≤ <c>max_debt_to_equity</c> (both must be known). Score =
/// weighted cross-sectional z-scores of value (book-to-price and/or earnings yield) and quality (mean of z(ROE) and
/// −z(debt-to-equity)); the top N are held with equal weights. Without fundamentals it stays flat and says why.
/// Gross exposure: Σ target = 1 whenever a symbol qualifies.
/// </summary>
public sealed class QualitySmallCapValueStrategy : Strategy<QualitySmallCapValueParameters>
{
    public const string FundamentalsEvent = "fundamentals";

    public override string Name => "quality_smallcap_value";

    public override string Description => "Small caps ranked on value (book-to-price, earnings yield) and quality (ROE, low debt); needs fundamentals.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1, NeedsFundamentals: true);

    public override SignalSet Evaluate(PointInTimePanel panel, QualitySmallCapValueParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var time = panel.DecisionTime;
        var candidates = new List<(int Symbol, FundamentalData Data)>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var close = panel.Close(s);
            if (!(close[^1] > 0) || !double.IsFinite(close[^1])) continue;
            if (panel.FundamentalsOf(panel.Symbols[s]) is { MarketCap: > 0 } data) candidates.Add((s, data));
        }
        if (candidates.Count == 0)
        {
            // Worded the same whether the catalog has no fundamentals or none published yet: the panel-wide flag would leak the future.
            return SignalSet.Flat(time, [new StrategyEvent(time, PanelSymbols.WholePanel, FundamentalsEvent,
                "no fundamental inputs (with a market cap) published by the decision time; flat")]);
        }

        var keep = (int)Math.Ceiling(p.SizeQuantile * candidates.Count);
        var universe = candidates
            .OrderBy(c => c.Data.MarketCap).ThenBy(c => c.Symbol).Take(keep)
            .Where(c => c.Data.ReturnOnEquity is { } roe && roe >= p.MinRoe && c.Data.DebtToEquity is { } de && de <= p.MaxDebtToEquity)
            .Where(c => ValueOf(c.Data, p.ValueMeasure) is not null)
            .OrderBy(c => c.Symbol)
            .ToArray();
        if (universe.Length == 0) return SignalSet.Flat(time);

        var bookToPrice = CrossSection.ZScores(universe.Select(c => c.Data.BookToPrice ?? double.NaN).ToArray());
        var earningsYield = CrossSection.ZScores(universe.Select(c => c.Data.EarningsYield ?? double.NaN).ToArray());
        var roeZ = CrossSection.ZScores(universe.Select(c => c.Data.ReturnOnEquity!.Value).ToArray());
        var debtZ = CrossSection.ZScores(universe.Select(c => c.Data.DebtToEquity!.Value).ToArray());
        var totalWeight = p.ValueWeight + p.QualityWeight;
        var score = new double[universe.Length];
        for (var i = 0; i < universe.Length; i++)
        {
            var value = p.ValueMeasure switch
            {
                ValueMeasure.BookToPrice => bookToPrice[i],
                ValueMeasure.EarningsYield => earningsYield[i],
                _ => MeanOfKnown(bookToPrice[i], earningsYield[i]),
            };
            var quality = (roeZ[i] - debtZ[i]) / 2;
            // With both weights at 0 every candidate ties and panel order decides: a deliberate, deterministic fallback.
            score[i] = totalWeight == 0 ? 0 : (p.ValueWeight * value + p.QualityWeight * quality) / totalWeight;
        }
        var chosen = CrossSection.Top(score, p.TopN);
        return new SignalSet(time, chosen.Select(i => new StrategySignal(
            panel.Symbols[universe[i].Symbol],
            1.0 / chosen.Length,
            $"score {SignalFormat.Number(score[i], 3)}, market cap {SignalFormat.Number(universe[i].Data.MarketCap!.Value, 0)}")));
    }

    private static double? ValueOf(FundamentalData data, ValueMeasure measure) => measure switch
    {
        ValueMeasure.BookToPrice => data.BookToPrice,
        ValueMeasure.EarningsYield => data.EarningsYield,
        _ => data.BookToPrice ?? data.EarningsYield,
    };

    private static double MeanOfKnown(double a, double b) =>
        double.IsNaN(a) ? b : double.IsNaN(b) ? a : (a + b) / 2;
}
