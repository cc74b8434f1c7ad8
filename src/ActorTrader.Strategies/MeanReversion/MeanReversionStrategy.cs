using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Indicators;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.MeanReversion;

/// <summary>
/// Buys symbols stretched below their recent mean (rolling z-score and/or RSI oversold) and holds until the z-score
/// reverts to <c>exit_z</c> (RSI back to 50 when the trigger is RSI alone) or <c>max_hold</c> bars pass; optionally
/// shorts the mirror image on a margin account. Open positions are equal-weighted.
/// Gross exposure: Σ|target| = 1 whenever a trade is open.
/// </summary>
public sealed class MeanReversionStrategy : Strategy<MeanReversionParameters>, IConditionalShorting, ITrailingWindow
{
    /// <summary>RSI is Wilder-smoothed; it is seeded over this many periods before the holding window so its value does not depend on where the panel starts.</summary>
    private const int RsiWarmUpPeriods = 5;

    public override string Name => "mean_reversion";

    public override string Description => "Buys closes stretched below their mean (z-score / RSI oversold), sells when they revert; optional shorts on margin.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 21, CanShort: true);

    public ShortingSetting? ShortsWith(ParameterSet parameters) =>
        MeanReversionParameters.From(parameters ?? throw new ArgumentNullException(nameof(parameters))).AllowShort
            ? new ShortingSetting("allow_short", "true", "false")
            : null;

    /// <summary>The z-score, the RSI with its warm-up and the holding memory all come from the last closes of this window.</summary>
    public int WindowBars(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters.Validate(parameters, Name);
        return Length(MeanReversionParameters.From(parameters));
    }

    public override SignalSet Evaluate(PointInTimePanel panel, MeanReversionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var usesRsi = p.Trigger != MeanReversionTrigger.ZScore;
        var length = Length(p);
        var open = new List<(int Symbol, int Side, string Reason)>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (!PriceWindow.TryPrices(panel.Close(s), length, out var close)) continue;
            var z = RollingZScore.Compute(close, p.ZWindow);
            var rsi = usesRsi ? RelativeStrengthIndex.Compute(close, p.RsiPeriod) : null;
            var position = Position(p, z, rsi, length);
            if (position.Side == 0) continue;
            var reason = $"{(position.Side > 0 ? "long" : "short")}: z={SignalFormat.Number(z[^1], 2)}" +
                         (rsi is null ? "" : $" rsi={SignalFormat.Number(rsi[^1], 1)}") + $", entered {position.BarsAgo} bar(s) ago";
            open.Add((s, position.Side, reason));
        }
        var weight = open.Count == 0 ? 0 : 1.0 / open.Count;
        return new SignalSet(panel.DecisionTime, open.Select(o => new StrategySignal(panel.Symbols[o.Symbol], o.Side * weight, o.Reason)));
    }

    private static int Length(MeanReversionParameters p) =>
        Math.Max(p.ZWindow + p.MaxHold - 1, p.Trigger != MeanReversionTrigger.ZScore ? p.RsiPeriod * RsiWarmUpPeriods + p.MaxHold : 0);

    private static (int Side, int BarsAgo) Position(MeanReversionParameters p, double[] z, double[]? rsi, int length)
    {
        bool Oversold(int i) => Stretched(p, z[i] <= -p.EntryZ, rsi is not null && rsi[i] <= p.RsiOversold);
        bool Overbought(int i) => Stretched(p, z[i] >= p.EntryZ, rsi is not null && rsi[i] >= p.RsiOverbought);
        bool LongExit(int i) => p.Trigger == MeanReversionTrigger.Rsi ? rsi![i] >= 50 : z[i] >= p.ExitZ;
        bool ShortExit(int i) => p.Trigger == MeanReversionTrigger.Rsi ? rsi![i] <= 50 : z[i] <= -p.ExitZ;

        var longAgo = Holding.OpenEntry(length, p.MaxHold, Oversold, LongExit);
        var shortAgo = p.AllowShort ? Holding.OpenEntry(length, p.MaxHold, Overbought, ShortExit) : -1;
        if (longAgo >= 0 && (shortAgo < 0 || longAgo <= shortAgo)) return (1, longAgo);
        return shortAgo >= 0 ? (-1, shortAgo) : (0, -1);
    }

    private static bool Stretched(MeanReversionParameters p, bool byZ, bool byRsi) => p.Trigger switch
    {
        MeanReversionTrigger.ZScore => byZ,
        MeanReversionTrigger.Rsi => byRsi,
        MeanReversionTrigger.Either => byZ || byRsi,
        _ => byZ && byRsi,
    };
}
