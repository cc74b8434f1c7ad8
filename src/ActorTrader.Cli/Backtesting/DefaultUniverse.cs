using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// What <c>actortrader backtest --strategy</c> and <c>tournament</c> run on when no <c>--symbols</c> are given. Daily
/// strategies get the tickers of the bundled samples (data/samples: the 20 stocks of the S&amp;P 500 table, which runs to
/// 2022, and SPY, the market symbol regime strategies look for), listed under <c>actortrader.data.csv.default-exchange</c>;
/// minute strategies (gap_fill) get five large caps, whose minute bars come from the lakehouse when ingested and from the
/// synthetic generator otherwise. Windows end on a fixed day so a run without dates is reproducible.
/// </summary>
internal static class DefaultUniverse
{
    /// <summary>Tickers of the bundled daily samples that share 1999–2020 (see data/samples/README.md).</summary>
    public static IReadOnlyList<string> DailyTickers { get; } =
        ["AAPL", "AMD", "BAC", "BBY", "CVX", "GE", "HD", "JNJ", "JPM", "KO", "LLY", "MRK", "MSFT", "PEP", "PFE", "PG", "RRC", "SPY", "UNH", "WMT", "XOM"];

    /// <summary>Three years of daily bars: enough for the 252-bar momentum windows and a 504 + 63 bar walk-forward.</summary>
    public const int DailyLookbackBars = 756;

    /// <summary>Last day of the default daily window: inside every sample file (SPY ends 2020-08-28).</summary>
    public static DateOnly DailyLastDay { get; } = new(2019, 12, 31);

    public static IReadOnlyList<string> MinuteTickers { get; } = ["AAPL", "JPM", "KO", "MSFT", "XOM"];

    /// <summary>Twenty regular sessions of 1-minute bars.</summary>
    public const int MinuteLookbackBars = 20 * 390;

    public static DateOnly MinuteLastDay { get; } = new(2024, 6, 28);

    /// <summary>The default symbols for <paramref name="timeframe"/>, equities listed on <paramref name="exchange"/>.</summary>
    public static IReadOnlyList<Symbol> Symbols(Timeframe timeframe, string exchange) =>
        [.. (timeframe == Timeframe.Minute1 ? MinuteTickers : DailyTickers).Select(t => new Symbol(exchange, t))];

    public static int LookbackBars(Timeframe timeframe) => timeframe == Timeframe.Minute1 ? MinuteLookbackBars : DailyLookbackBars;

    public static DateOnly LastDay(Timeframe timeframe) => timeframe == Timeframe.Minute1 ? MinuteLastDay : DailyLastDay;
}
