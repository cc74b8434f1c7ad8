using System.Text.Json;
using ActorTrader.Cli.Tests.Backtesting;

namespace ActorTrader.Cli.Tests.Forecasting;

/// <summary>actortrader forecast validate in-process on the embedded default data (synthetic here: the temp directory has no bundled samples).</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly ResearchCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string LatestReport => Path.Combine(_cli.Root, "data", "forecasting", "validation.json");

    [Fact]
    public async Task Json_prints_the_report_it_persisted_with_a_tier_per_model_and_horizon()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "forecast", "validate", "--models", "naive,arima,garch", "--horizons", "5,1", "--folds", "3", "--json");

        using var printed = JsonDocument.Parse(output);
        var results = printed.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["naive@1", "naive@5", "arima@1", "arima@5", "garch@1", "garch@5"],
            results.Select(r => $"{r.GetProperty("model").GetString()}@{r.GetProperty("horizon").GetInt32()}"));
        Assert.All(results, r => Assert.Contains(r.GetProperty("tier").GetString(), new[] { "green", "yellow", "red" }));
        Assert.All(results, r => Assert.True(r.GetProperty("forecasts").GetInt32() > 100));
        Assert.All(results.Where(r => r.GetProperty("model").GetString() != "naive"), r =>
        {
            Assert.InRange(r.GetProperty("dieboldMariano").GetProperty("pValue").GetDouble(), 0, 1);
            Assert.InRange(r.GetProperty("pairedT").GetProperty("pValue").GetDouble(), 0, 1);
            Assert.True(r.GetProperty("mae").GetDouble() > 0);
            Assert.True(r.GetProperty("smape").GetDouble() > 0);
            Assert.InRange(r.GetProperty("hitRate").GetDouble(), 0, 1);
        });
        Assert.Equal("red", results[0].GetProperty("tier").GetString());
        Assert.Equal(21, printed.RootElement.GetProperty("symbols").GetArrayLength());
        Assert.Equal(3, printed.RootElement.GetProperty("settings").GetProperty("folds").GetInt32());

        using var persisted = JsonDocument.Parse(File.ReadAllText(LatestReport));
        Assert.Equal(printed.RootElement.GetRawText(), persisted.RootElement.GetRawText());
        Assert.Single(Directory.GetFiles(Path.Combine(_cli.Root, "data", "forecasting", "history")));
    }

    [Fact]
    public async Task The_table_lists_every_model_and_horizon_and_says_what_may_be_routed()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "forecast", "validate", "--models", "naive,holt-winters", "--horizons", "1");

        Assert.Contains("Forecast validation on 21 symbols (Synthetic, synthetic)", output, StringComparison.Ordinal);
        Assert.Contains("5 walk-forward folds after 252 training bars", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^naive\s+1 RED ", output);
        Assert.Matches(@"(?m)^holt-winters\s+1 (GREEN|YELLOW|RED) ", output);
        Assert.Matches("No model is GREEN|GREEN \\(may be routed\\)", output);
        Assert.Contains($"Written to {LatestReport}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_or_horizon_is_a_usage_error_naming_the_choices()
    {
        var (_, error) = await _cli.ExpectAsync(ExitCodes.Usage, "forecast", "validate", "--models", "prophet");
        Assert.Contains("Unknown forecasting model \"prophet\"", error, StringComparison.Ordinal);
        Assert.Contains("naive, arima, garch, gjr-garch, ssa, holt-winters", error, StringComparison.Ordinal);

        (_, error) = await _cli.ExpectAsync(ExitCodes.Usage, "forecast", "validate", "--horizons", "0");
        Assert.Contains("--horizons holds \"0\"", error, StringComparison.Ordinal);
        Assert.False(File.Exists(LatestReport));
    }

    [Fact]
    public async Task Too_little_history_is_a_clear_error_and_writes_nothing()
    {
        var (_, error) = await _cli.ExpectAsync(ExitCodes.Problems, "forecast", "validate", "--models", "naive", "--from", "2019-06-01", "--to", "2019-12-31");

        Assert.Contains("min-train", error, StringComparison.Ordinal);
        Assert.False(File.Exists(LatestReport));
    }

    [Fact]
    public async Task Run_prints_every_signal_with_its_provenance_and_what_the_router_would_do()
    {
        await _cli.ExpectAsync(ExitCodes.Ok, "forecast", "validate", "--models", "naive,arima", "--horizons", "5", "--folds", "2");

        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "forecast", "run", "--models", "naive,arima,holt-winters", "--json");

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("routerEnabled").GetBoolean());
        var signals = root.GetProperty("signals").EnumerateArray().ToArray();
        Assert.Equal(21 * 3, signals.Length);
        Assert.Empty(root.GetProperty("failures").EnumerateArray());
        Assert.All(signals, s =>
        {
            Assert.StartsWith("sha256:", s.GetProperty("dataFingerprint").GetString(), StringComparison.Ordinal);
            Assert.Contains(s.GetProperty("model").GetString(), new[] { "naive", "arima", "holt-winters" });
            Assert.False(string.IsNullOrEmpty(s.GetProperty("version").GetString()));
            Assert.Equal(5, s.GetProperty("horizon").GetInt32());
            Assert.EndsWith("Z", s.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
            Assert.Contains(s.GetProperty("direction").GetString(), new[] { "up", "down", "flat" });
        });
        // Every symbol's models saw the same bars.
        Assert.All(signals.GroupBy(s => s.GetProperty("symbol").GetString()), g => Assert.Single(g.Select(s => s.GetProperty("dataFingerprint").GetString()).Distinct()));
        var routing = root.GetProperty("routing").EnumerateArray().ToArray();
        Assert.Equal(21, routing.Length);
        Assert.All(routing, r =>
        {
            // arima is routed only if validated GREEN; ssa was not run; holt-winters was not validated.
            var model = r.GetProperty("model");
            if (model.ValueKind == JsonValueKind.Null)
                Assert.Contains(r.GetProperty("reasons").EnumerateArray(), reason => reason.GetString()!.StartsWith("arima: validation is", StringComparison.Ordinal));
            else Assert.Equal("arima", model.GetString());
        });
    }

    [Fact]
    public async Task Run_text_lists_signals_and_says_routing_is_off()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "forecast", "run", "--models", "garch", "--horizons", "1");

        Assert.Contains("1 models on 21 symbols", output, StringComparison.Ordinal);
        Assert.Contains("21 signals, 0 failures", output, StringComparison.Ordinal);
        Assert.Contains("Routing is off", output, StringComparison.Ordinal);
        Assert.Contains("no forecast validation has been run", output, StringComparison.Ordinal);

        var (_, error) = await _cli.ExpectAsync(ExitCodes.Usage, "forecast", "run", "--horizons", "1,5");
        Assert.Contains("one horizon", error, StringComparison.Ordinal);
    }
}
