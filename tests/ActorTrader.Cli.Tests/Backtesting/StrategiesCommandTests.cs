using System.Text.Json;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Cli.Tests.Backtesting;

public sealed class StrategiesCommandTests : IDisposable
{
    private readonly ResearchCli _cli = new("strategies.mean_reversion { enabled = false, allocation = 0.3, parameters { z_window = 30, trigger = rsi } }");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_catalogued_strategy_is_listed_with_its_parameters()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "strategies");

        foreach (var name in StrategyCatalog.Default.Names) Assert.Contains(name + "  [", output, StringComparison.Ordinal);
        Assert.Contains("z_window", output, StringComparison.Ordinal);
        Assert.Contains("needs: 1Min bars", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_shows_the_configured_value_beside_the_default()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "strategies");

        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("z_window", StringComparison.Ordinal) && l.Contains("[5, 120]", StringComparison.Ordinal));
        Assert.Contains("default 20  (configured 30)", line, StringComparison.Ordinal);
        Assert.Contains("mean_reversion  [disabled, allocation 0.3]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_carries_enabled_allocation_requirements_and_each_parameter_range_default_and_value()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "strategies", "--json");

        var strategies = ResearchCli.ParseSingleObject(output).GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(StrategyCatalog.Default.Names, strategies.Select(s => s.GetProperty("name").GetString()));
        var mean = strategies.Single(s => s.GetProperty("name").GetString() == "mean_reversion");
        Assert.False(mean.GetProperty("enabled").GetBoolean());
        Assert.Equal(0.3, mean.GetProperty("allocation").GetDouble());
        Assert.Equal("1Day", mean.GetProperty("requirements").GetProperty("timeframe").GetString());
        var parameters = mean.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(5, parameters["z_window"].GetProperty("min").GetDouble());
        Assert.Equal(120, parameters["z_window"].GetProperty("max").GetDouble());
        Assert.Equal(20, parameters["z_window"].GetProperty("default").GetDouble());
        Assert.Equal(30, parameters["z_window"].GetProperty("value").GetDouble());
        Assert.Equal("rsi", parameters["trigger"].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Array, parameters["trigger"].GetProperty("choices").ValueKind);
        Assert.Equal(JsonValueKind.False, parameters["allow_short"].GetProperty("default").ValueKind);
    }

    [Fact]
    public async Task A_bad_strategy_parameter_in_the_configuration_exits_1_naming_its_position()
    {
        using var cli = new ResearchCli("strategies.mean_reversion.parameters.z_window = 500");

        var (_, error) = await cli.ExpectAsync(ExitCodes.Problems, "strategies");

        Assert.Contains("actortrader.strategies.mean_reversion.parameters.z_window = 500 is outside its range [5, 120]", error, StringComparison.Ordinal);
        Assert.Contains(cli.ConfigFile + ":", error, StringComparison.Ordinal);
    }
}
