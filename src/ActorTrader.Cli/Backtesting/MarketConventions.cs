using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Settings;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// How the configured simulators are adapted to the panel at hand. <c>actortrader.backtest.periods-per-year</c> is the
/// number of daily bars in a year of the equity calendar; crypto trades every day (365) and a day holds 390 regular
/// minutes of equities or 1440 of crypto — the same rule the sleeves' return axis uses. Crypto is bought in fractional
/// lots (<see cref="CryptoLotSize"/> unless a smaller lot is configured), since one whole coin can exceed the account.
/// A daily rebalance on minute bars trades every bar (<see cref="BarRebalance"/>).
/// </summary>
internal static class MarketConventions
{
    public const decimal CryptoLotSize = 0.0001m;

    public static bool IsCrypto(BarPanel panel) => panel.Symbols.Count > 0 && panel.Symbols.All(s => AssetProfiles.Infer(s) == AssetProfile.Crypto);

    public static double PeriodsPerYear(BacktestSettings settings, BarPanel panel)
    {
        var crypto = IsCrypto(panel);
        var days = crypto ? Quant.Returns.PeriodsPerYear.CalendarDays : settings.PeriodsPerYear;
        return panel.Timeframe == Timeframe.Minute1 ? days * (crypto ? 1440 : 390) : days;
    }

    /// <summary>
    /// The configured schedule on <paramref name="panel"/>: <c>daily</c> — written for the daily calendar, where it means
    /// every bar — becomes every bar on minute panels, so an intraday strategy is not traded once a day.
    /// </summary>
    public static RebalanceSchedule BarRebalance(RebalanceSchedule configured, BarPanel panel) =>
        panel.Timeframe == Timeframe.Minute1 && configured.Frequency == RebalanceFrequency.Daily ? RebalanceSchedule.Every(1) : configured;

    /// <summary>The configured settings for <paramref name="panel"/>, with the command line's simulator, rebalance and account when given.</summary>
    public static BacktestSettings Adapt(BacktestSettings settings, BarPanel panel, SimulatorKind? simulator = null, RebalanceSchedule? rebalance = null,
        AccountKind? account = null) =>
        settings with
        {
            PeriodsPerYear = PeriodsPerYear(settings, panel),
            Simulator = simulator ?? settings.Simulator,
            Rebalance = rebalance ?? BarRebalance(settings.Rebalance, panel),
            LotSize = IsCrypto(panel) ? Math.Min(settings.LotSize, CryptoLotSize) : settings.LotSize,
            Account = account ?? settings.Account,
        };
}
