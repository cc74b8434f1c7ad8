using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Tournament;
using ActorTrader.Domain.Accounting;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.Results;

public sealed class DeterminismTests
{
    private static BarPanel RandomPanel(int seed)
    {
        var random = new Random(seed);
        var close = new double[4][];
        var open = new double[4][];
        var volume = new double[4][];
        for (var s = 0; s < 4; s++)
        {
            (close[s], open[s], volume[s]) = (new double[120], new double[120], new double[120]);
            var p = 20.0 + s;
            for (var t = 0; t < 120; t++)
            {
                open[s][t] = p * (1 + (random.NextDouble() - 0.5) * 0.01);
                p *= 1 + (random.NextDouble() - 0.48) * 0.05;
                close[s][t] = p;
                volume[s][t] = random.Next(1_000, 100_000);
            }
        }
        return TestPanels.Build(open, close, volume);
    }

    private static byte[] RunOnce(SimulatorKind kind)
    {
        var panel = RandomPanel(3);
        var setup = new SimulatorSetup { Kind = kind, EventDriven = new() { PartialFills = true, Account = AccountKind.Margin } };
        var run = StrategyBacktest.Run(new LongShortReversal(), new LongShortReversal().Parameters.Defaults(), panel, setup);
        var json = BacktestResultJson.Write(run.Result, BacktestStatistics.From("determinism", run.Result));
        return System.Text.Encoding.UTF8.GetBytes(json);
    }

    [Theory]
    [InlineData(SimulatorKind.EventDriven)]
    [InlineData(SimulatorKind.Vectorised)]
    public void Same_inputs_give_byte_identical_result_json(SimulatorKind kind)
    {
        var first = RunOnce(kind);
        var second = RunOnce(kind);

        Assert.Equal(first, second);
        Assert.True(first.Length > 1_000);
    }

    [Fact]
    public void Same_inputs_give_byte_identical_tournament_json()
    {
        string Once() => TournamentReportWriter.Json(TournamentRunner.Run(
            [new TournamentProfile("random", RandomPanel(5))],
            new TournamentOptions { Engines = ["equal", "hrp", "min-vol"], Lookback = 40, RunId = "t" }));

        Assert.Equal(Once(), Once());
    }
}
