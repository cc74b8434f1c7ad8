using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Indicators;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.TrendFollowing;

/// <summary>
/// Follows TradingView-style technical ratings (Quant's <see cref="TechnicalRatings"/>) computed over the last
/// <c>history</c> bars: long when the rating reaches <c>entry_rating</c> and until it falls below <c>exit_rating</c>; short
/// (negative targets) in the mirror image. <c>direction</c> restricts it to one side so a long sleeve and a short sleeve can
/// both run it. Only ratings with every one of the 26 votes count (from bar 200 of the window). Equal weights.
/// Gross exposure: Σ|target| = 1 whenever a position is open (longs and shorts share the equal weights).
/// </summary>
public sealed class TrendFollowingStrategy : Strategy<TrendFollowingParameters>, IConditionalShorting, ITrailingWindow
{
    public override string Name => "trend_following";

    public override string Description => "Trades TradingView-style technical ratings: long on strong buy, short on strong sell (direction long|short|both).";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 260, CanShort: true);

    public ShortingSetting? ShortsWith(ParameterSet parameters)
    {
        var direction = TrendFollowingParameters.From(parameters ?? throw new ArgumentNullException(nameof(parameters))).Direction;
        return direction.AllowsShort() ? new ShortingSetting("direction", TradeDirections.Names[(int)direction], "long") : null;
    }

    /// <summary>The ratings and the holding memory both come from the last <c>history</c> bars of each symbol.</summary>
    public int WindowBars(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters.Validate(parameters, Name);
        return TrendFollowingParameters.From(parameters).History;
    }

    public override SignalSet Evaluate(PointInTimePanel panel, TrendFollowingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var memory = p.History - TechnicalRatings.BarsForAllVotes + 1;
        var open = new List<(int Symbol, int Side, string Reason)>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (!PriceWindow.TryPrices(panel.Open(s), p.History, out var o) || !PriceWindow.TryPrices(panel.High(s), p.History, out var h)
                || !PriceWindow.TryPrices(panel.Low(s), p.History, out var l) || !PriceWindow.TryPrices(panel.Close(s), p.History, out var c)
                || !PriceWindow.TryVolumes(panel.Volume(s), p.History, out var v)) continue;
            if (!HighsAboveLows(h, l)) continue;
            var result = TechnicalRatings.Compute(new PriceBars(o, h, l, c, v));
            var rating = p.Rating switch
            {
                RatingGroup.MovingAverages => result.MovingAverages,
                RatingGroup.Oscillators => result.Oscillators,
                _ => result.All,
            };
            var longAgo = p.Direction.AllowsLong()
                ? Holding.OpenEntry(rating.Count, memory, i => rating[i] >= p.EntryRating, i => !(rating[i] >= p.ExitRating))
                : -1;
            var shortAgo = p.Direction.AllowsShort()
                ? Holding.OpenEntry(rating.Count, memory, i => rating[i] <= -p.EntryRating, i => !(rating[i] <= -p.ExitRating))
                : -1;
            var side = longAgo >= 0 && (shortAgo < 0 || longAgo <= shortAgo) ? 1 : shortAgo >= 0 ? -1 : 0;
            if (side == 0) continue;
            var category = TechnicalRatings.Categorise(rating[^1]);
            open.Add((s, side, $"{(side > 0 ? "long" : "short")}: rating {SignalFormat.Number(rating[^1], 3)} ({category}), entered {(side > 0 ? longAgo : shortAgo)} bar(s) ago"));
        }
        var weight = open.Count == 0 ? 0 : 1.0 / open.Count;
        return new SignalSet(panel.DecisionTime, open.Select(x => new StrategySignal(panel.Symbols[x.Symbol], x.Side * weight, x.Reason)));
    }

    // PriceBars refuses a bar whose high is below its low; such a symbol is skipped like one with a missing bar.
    private static bool HighsAboveLows(ReadOnlySpan<double> high, ReadOnlySpan<double> low)
    {
        for (var i = 0; i < high.Length; i++)
        {
            if (high[i] < low[i]) return false;
        }
        return true;
    }
}
