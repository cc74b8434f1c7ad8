using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// The data options of <c>backtest</c> and <c>tournament</c>: <c>--from</c>/<c>--to</c> (UTC days, both included),
/// <c>--symbols</c> and <c>--source</c>. Anything not given takes the <see cref="DefaultUniverse"/>.
/// </summary>
internal sealed record DataOptions(DateOnly? From, DateOnly? To, IReadOnlyList<Symbol> Symbols, PanelSourceKind Source)
{
    public static DataOptions None { get; } = new(null, null, [], PanelSourceKind.Auto);

    /// <summary>True when the operator gave neither symbols nor a source: the run uses the embedded default data.</summary>
    public bool IsDefault => Symbols.Count == 0 && Source == PanelSourceKind.Auto;

    /// <summary>
    /// The panel request for a strategy of <paramref name="timeframe"/>: the given symbols or the default universe; from
    /// --from (then every bar up to --to) or else the default lookback ending at --to or the default last day.
    /// </summary>
    public PanelRequest Request(Timeframe timeframe, string exchange)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        if (From is { } f && To is { } t && f > t)
            throw new CliException(ExitCodes.Usage, $"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}. Fix: give a start on or before the end.");
        var symbols = Symbols.Count > 0 ? Symbols : DefaultUniverse.Symbols(timeframe, exchange);
        var crypto = symbols.Count(s => AssetProfiles.Infer(s) == AssetProfile.Crypto);
        if (crypto > 0 && crypto < symbols.Count)
            throw new CliException(ExitCodes.Usage,
                "--symbols mixes crypto with other assets; their calendars and annualisation differ. Fix: backtest crypto (CRYPTO:BTC/USD, ...) and equities separately.");
        var to = To ?? (From is null ? DefaultUniverse.LastDay(timeframe) : null);
        return new PanelRequest(symbols, timeframe, Source,
            From is { } from ? OptionParsing.Utc(from) : null,
            to is { } last ? OptionParsing.Utc(last).AddDays(1) : null,
            From is null ? DefaultUniverse.LookbackBars(timeframe) : null);
    }
}
