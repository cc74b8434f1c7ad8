using System.Text.Json;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Settings;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Data.Runs;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Domain.Accounting;

namespace ActorTrader.Cli.Backtesting;

/// <summary>The JSON documents a command-line backtest writes beside its results: its inputs, the look-ahead audit and the walk-forward windows.</summary>
internal static class RunDocuments
{
    public static string StrategyRun(RunId run, IStrategy strategy, StrategySetting setting, string? engine, bool walkForward, BacktestSettings settings,
        LoadedPanel loaded, PanelRequest request) =>
        CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("run_id", run.Value);
            w.WriteString("kind", "strategy");
            w.WriteString("strategy", strategy.Name);
            w.WriteBoolean("enabled_in_configuration", setting.Enabled);
            Parameters(w, "parameters", strategy.Parameters, setting.Parameters);
            if (engine is null) w.WriteNull("engine");
            else w.WriteString("engine", engine);
            w.WriteBoolean("walk_forward", walkForward);
            Simulation(w, settings);
            Data(w, loaded, request);
            w.WriteEndObject();
        }, indented: true);

    public static string SleeveRun(RunId run, SleeveDefinition sleeve, SleeveOutcome outcome, BacktestSettings settings, LoadedPanel loaded, PanelRequest request,
        string directory) =>
        CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("run_id", run.Value);
            w.WriteString("kind", "sleeve");
            w.WriteString("sleeve", sleeve.Name);
            w.WriteString("sleeve_file", sleeve.Source);
            w.WriteString("sleeve_run_directory", Path.GetRelativePath(directory, outcome.RunDirectory).Replace(Path.DirectorySeparatorChar, '/'));
            w.WriteString("engine", sleeve.Optimisation.Primary);
            w.Map("asset_weights", outcome.AssetWeights.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value)));
            w.Strings("excluded", outcome.Excluded);
            w.Strings("degraded_strategies", outcome.DegradedStrategies);
            Simulation(w, settings);
            Data(w, loaded, request);
            w.WriteEndObject();
        }, indented: true);

    public static string LookAhead(LookAheadAuditReport audit, int seed) =>
        CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("strategy", audit.Strategy);
            w.WriteNumber("seed", seed);
            w.WriteBoolean("clean", audit.IsClean);
            w.WriteStartArray("checked_bars");
            foreach (var bar in audit.CheckedBars) w.WriteNumberValue(bar);
            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in audit.Findings)
            {
                w.WriteStartObject();
                w.WriteNumber("bar", f.Bar);
                w.Time("decision_time", f.DecisionTime);
                w.WriteString("kind", f.Kind);
                w.WriteString("detail", f.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);

    public static string WalkForward(RunId run, IStrategy strategy, WalkForwardResult result) =>
        CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("run_id", run.Value);
            w.WriteString("strategy", strategy.Name);
            w.WritePropertyName("out_of_sample");
            Statistics(w, result.OutOfSampleStatistics);
            w.WriteStartArray("windows");
            foreach (var window in result.Windows)
            {
                var x = window.Window;
                w.WriteStartObject();
                w.WriteNumber("index", x.Index);
                w.Time("train_first", x.TrainFirst);
                w.Time("train_last", x.TrainLast);
                w.Time("test_first", x.TestFirst);
                w.Time("test_last", x.TestLast);
                w.WriteNumber("chosen", window.Chosen);
                w.WriteString("chosen_parameters", ParameterText.Describe(strategy.Parameters, window.ChosenParameters));
                w.WritePropertyName("test");
                if (window.Test is null) w.WriteNullValue();
                else Statistics(w, window.Test);
                w.WriteStartArray("candidates");
                foreach (var score in window.Scores)
                {
                    w.WriteStartObject();
                    w.WriteNumber("candidate", score.Candidate);
                    w.WriteString("parameters", ParameterText.Describe(strategy.Parameters, score.Parameters));
                    w.WritePropertyName("train");
                    Statistics(w, score.Train);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);

    private static void Statistics(Utf8JsonWriter w, BacktestStatistics s)
    {
        w.WriteStartObject();
        w.Number("total_return", s.TotalReturn);
        w.Number("cagr", s.Cagr);
        w.Number("sharpe", s.Sharpe);
        w.Number("sortino", s.Sortino);
        w.Number("max_drawdown", s.MaxDrawdown);
        w.WriteNumber("trades", s.Trades);
        w.Number("turnover", s.Turnover);
        w.WriteNumber("final_equity", s.FinalEquity);
        w.WriteEndObject();
    }

    /// <summary>Each parameter as HOCON writes it: a number, true/false, or the choice's name.</summary>
    private static void Parameters(Utf8JsonWriter w, string name, ParameterSpace space, ParameterSet values)
    {
        w.WriteStartObject(name);
        foreach (var range in space.Ranges.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var value = values[range.Name];
            switch (range.Kind)
            {
                case ParameterKind.Boolean: w.WriteBoolean(range.Name, value != 0); break;
                case ParameterKind.Choice: w.WriteString(range.Name, range.Choices[(int)value]); break;
                default: w.Number(range.Name, value); break;
            }
        }
        w.WriteEndObject();
    }

    private static void Simulation(Utf8JsonWriter w, BacktestSettings s)
    {
        w.WriteStartObject("simulation");
        w.WriteString("simulator", SimulatorSetup.NameOf(s.Simulator));
        w.WriteString("rebalance", s.Rebalance.ToString());
        w.WriteString("account", s.Account == AccountKind.Margin ? "margin" : "cash");
        w.WriteNumber("initial_cash", s.InitialCash);
        w.Number("slippage_bps", s.SlippageBps);
        w.Number("commission_bps", s.CommissionBps);
        w.Number("cost_bps", s.CostBps);
        w.WriteNumber("lot_size", s.LotSize);
        w.Number("periods_per_year", s.PeriodsPerYear);
        w.WriteNumber("seed", s.Seed);
        w.WriteEndObject();
    }

    private static void Data(Utf8JsonWriter w, LoadedPanel loaded, PanelRequest request)
    {
        var panel = loaded.Panel;
        w.WriteStartObject("data");
        w.WriteString("source", PanelSourceNames.Name(loaded.Source));
        w.WriteBoolean("synthetic", loaded.Synthetic);
        w.WriteString("location", loaded.Location);
        w.Strings("skipped", loaded.Skipped);
        w.WriteString("timeframe", panel.Timeframe.Name);
        w.Strings("symbols", panel.Symbols.Select(s => s.ToString()));
        w.Time("requested_from", request.From);
        w.Time("requested_to_exclusive", request.To);
        if (request.LookbackBars is { } lookback) w.WriteNumber("lookback_bars", lookback);
        else w.WriteNull("lookback_bars");
        w.WriteNumber("bars", panel.TimeCount);
        w.Time("first", panel.TimeCount > 0 ? panel.Times[0] : null);
        w.Time("last", panel.TimeCount > 0 ? panel.Times[^1] : null);
        w.WriteEndObject();
    }
}
