using System.Text.Json;
using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Weights;

namespace ActorTrader.Backtest.Tests.Results;

public sealed class BacktestResultJsonTests
{
    [Fact]
    public void Result_json_holds_every_bar_order_and_fill()
    {
        var panel = TestPanels.FromCloses([100, 101, 102, 103, 104]);
        var result = EventDrivenSimulator.Run(panel, WeightsSchedule.Constant(panel.Symbols, panel.Times, [0.5]), new EventDrivenOptions());

        using var json = JsonDocument.Parse(BacktestResultJson.Write(result, BacktestStatistics.From("r1", result)));

        var root = json.RootElement;
        Assert.Equal("event-driven", root.GetProperty("simulator").GetString());
        Assert.Equal(5, root.GetProperty("bars").GetArrayLength());
        Assert.Equal(result.Orders.Count, root.GetProperty("orders").GetArrayLength());
        Assert.Equal(result.Fills.Count, root.GetProperty("fills").GetArrayLength());
        Assert.Equal("2021-01-05T05:00:00Z", root.GetProperty("fills")[0].GetProperty("time").GetString());
        Assert.Equal("buy", root.GetProperty("orders")[0].GetProperty("side").GetString());
    }

    [Theory]
    [InlineData("vectorised", SimulatorKind.Vectorised)]
    [InlineData("event-driven", SimulatorKind.EventDriven)]
    public void Simulator_names_parse(string text, SimulatorKind kind)
    {
        Assert.Equal(kind, SimulatorSetup.ParseKind(text));
        Assert.Equal(text, SimulatorSetup.NameOf(kind));
    }
}
