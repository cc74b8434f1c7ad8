using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Hocon;

namespace ActorTrader.Backtest.Settings;

/// <summary>
/// Everything read from <c>actortrader.backtest.*</c>, typed and checked; defaults are those of hocon/reference.conf.
/// The tournament targets are annualised (volatility as a fraction a year, return as an arithmetic fraction a year),
/// the units of the annualised μ and Σ every engine is given.
/// </summary>
public sealed record BacktestSettings(
    decimal InitialCash,
    SimulatorKind Simulator,
    double SlippageBps,
    double CommissionBps,
    double CostBps,
    decimal LotSize,
    AccountKind Account,
    bool PartialFills,
    double Participation,
    TimeInForce TimeInForce,
    RebalanceSchedule Rebalance,
    double PeriodsPerYear,
    WalkForwardOptions WalkForward,
    int TournamentLookback,
    double TournamentTargetVolatility,
    double TournamentTargetReturn,
    int LookAheadSamples,
    int Seed)
{
    private const string Section = "actortrader.backtest.";

    /// <summary>The built-in defaults (equal to hocon/reference.conf).</summary>
    public static BacktestSettings Default { get; } = new(100_000m, SimulatorKind.EventDriven, 5, 1, 6, 1m, AccountKind.Cash, false, 0.1,
        TimeInForce.Day, RebalanceSchedule.Daily, 252, new WalkForwardOptions(504, 63, 63, false), 126, 0.15, 0.10, 20, 42);

    /// <summary>Both simulators configured from these settings.</summary>
    public SimulatorSetup ToSimulatorSetup() => new()
    {
        Kind = Simulator,
        Vectorised = new VectorisedOptions { InitialCash = InitialCash, CostBps = CostBps, Rebalance = Rebalance, PeriodsPerYear = PeriodsPerYear },
        EventDriven = new EventDrivenOptions
        {
            InitialCash = InitialCash,
            SlippageBps = SlippageBps,
            CommissionBps = CommissionBps,
            LotSize = LotSize,
            Account = Account,
            PartialFills = PartialFills,
            Participation = Participation,
            TimeInForce = TimeInForce,
            Rebalance = Rebalance,
            PeriodsPerYear = PeriodsPerYear,
        },
    };

    /// <summary>Reads the settings; throws <see cref="BacktestSettingsException"/> listing every problem found.</summary>
    public static BacktestSettings FromConfig(Config config)
    {
        var (settings, problems) = Read(config);
        if (problems.Count > 0) throw new BacktestSettingsException(problems);
        return settings;
    }

    /// <summary>Reads the settings, returning them (defaults where values were bad) and the problems found.</summary>
    public static (BacktestSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = new BacktestSettingsReader(config);
        var d = Default;
        const string s = Section;
        var simulator = SimulatorSetup.ParseKind(r.Choice(s + "simulator", "event-driven", ["vectorised", "event-driven"]));
        var account = r.Choice(s + "account", "cash", ["cash", "margin"]) == "margin" ? AccountKind.Margin : AccountKind.Cash;
        var tif = OrderWireNames.ParseTimeInForce(r.Choice(s + "time-in-force", "day", ["day", "gtc", "ioc", "opg", "fok"]));

        var rebalance = d.Rebalance;
        var rebalanceText = r.String(s + "rebalance", "daily");
        try
        {
            rebalance = RebalanceSchedule.Parse(rebalanceText);
        }
        catch (FormatException e)
        {
            r.Report(s + "rebalance", e.Message, "Set it to daily, weekly, monthly, once or every-N-bars (e.g. every-5-bars).");
        }

        const string w = Section + "walk-forward.";
        var train = r.Int(w + "train-bars", d.WalkForward.TrainBars, 4, 1_000_000);
        var test = r.Int(w + "test-bars", d.WalkForward.TestBars, 1, 1_000_000);
        var step = r.Int(w + "step-bars", d.WalkForward.StepBars, 1, 1_000_000);
        var anchored = r.Boolean(w + "anchored", d.WalkForward.Anchored);
        if (step > test)
        {
            r.Report(w + "step-bars", $"{w}step-bars = {step} exceeds {w}test-bars = {test}: bars between test windows would be tested by no window.",
                $"Set {w}step-bars to at most {w}test-bars (equal is usual).");
            step = test;
        }

        var settings = new BacktestSettings(
            r.PositiveDecimal(s + "initial-cash", d.InitialCash),
            simulator,
            r.Double(s + "slippage-bps", d.SlippageBps, 0, 1_000),
            r.Double(s + "commission-bps", d.CommissionBps, 0, 1_000),
            r.Double(s + "cost-bps", d.CostBps, 0, 1_000),
            r.PositiveDecimal(s + "lot-size", d.LotSize),
            account,
            r.Boolean(s + "partial-fills", d.PartialFills),
            r.Double(s + "participation", d.Participation, 0, 1, minExclusive: true),
            tif,
            rebalance,
            r.Double(s + "periods-per-year", d.PeriodsPerYear, 0, 1_000_000, minExclusive: true),
            new WalkForwardOptions(train, test, step, anchored),
            r.Int(s + "tournament.lookback-bars", d.TournamentLookback, 2, 1_000_000),
            r.Double(s + "tournament.target-volatility", d.TournamentTargetVolatility, 0, 10, minExclusive: true),
            r.Double(s + "tournament.target-return", d.TournamentTargetReturn, 0, 10),
            r.Int(s + "look-ahead-samples", d.LookAheadSamples, 1, 100_000),
            r.Int(s + "seed", d.Seed, int.MinValue, int.MaxValue));
        return (settings, r.Problems);
    }
}
