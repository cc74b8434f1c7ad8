using System.Text.Json;

namespace ActorTrader.Cli.Tests.Backtesting;

/// <summary>actortrader backtest in-process on the embedded default data (synthetic here: the temp directory has no bundled samples).</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private static readonly string[] JsonFields = ["run_id", "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "trades", "turnover", "final_equity"];

    // Half a year of daily bars keeps each run well under a second.
    private static readonly string[] ShortWindow = ["--from", "2019-01-01", "--to", "2019-06-30"];

    private readonly ResearchCli _cli = new("backtest.walk-forward { train-bars = 40, test-bars = 20, step-bars = 20 }");

    public void Dispose() => _cli.Dispose();

    private Task<(string Out, string Error)> Backtest(int expected, params string[] args) =>
        _cli.ExpectAsync(expected, ["backtest", .. args]);

    [Fact]
    public async Task Json_prints_exactly_the_nine_fields_and_nothing_else()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);

        var json = ResearchCli.ParseSingleObject(output);
        Assert.Equal(JsonFields, json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Json_final_equity_is_the_initial_cash_grown_by_the_total_return()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);

        var json = ResearchCli.ParseSingleObject(output);
        var finalEquity = json.GetProperty("final_equity").GetDecimal();
        var totalReturn = json.GetProperty("total_return").GetDouble();
        // Initial cash is actortrader.backtest.initial-cash = 100000; final equity is rounded to the cent.
        Assert.Equal((double)finalEquity, 100_000 * (1 + totalReturn), 0.006);
        Assert.NotEqual(100_000m, finalEquity);
    }

    [Fact]
    public async Task Json_statistics_agree_with_the_result_file_in_the_run_directory()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);

        var json = ResearchCli.ParseSingleObject(output);
        var directory = _cli.RunDirectory(json.GetProperty("run_id").GetString()!);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "backtest_result.json")));
        var bars = result.RootElement.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("trades").GetInt32(), bars.Sum(b => b.GetProperty("trades").GetInt32()));
        Assert.Equal(json.GetProperty("final_equity").GetDecimal(), Math.Round(bars[^1].GetProperty("equity").GetDecimal(), 2));
        Assert.Equal(json.GetProperty("trades").GetInt32(), result.RootElement.GetProperty("statistics").GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task A_run_writes_results_tearsheet_and_an_index_listing_them()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);

        var directory = _cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!);
        foreach (var file in new[] { "backtest_result.json", "backtest_run.json", "look_ahead_audit.json", "tearsheet.html", "summary.md", "returns.csv", "weights.csv" })
            Assert.True(File.Exists(Path.Combine(directory, file)), file + " is missing");
        var index = File.ReadAllText(Path.Combine(directory, "INDEX.md"));
        Assert.Contains("| Profile | mean_reversion |", index, StringComparison.Ordinal);
        Assert.Contains("| backtest_result.json |", index, StringComparison.Ordinal);
        Assert.Contains("| tearsheet.html |", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_data_options_the_default_universe_runs_on_the_embedded_default_data()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, "--strategy", "mean_reversion", "--json");

        var directory = _cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "backtest_run.json")));
        var data = run.RootElement.GetProperty("data");
        // No lakehouse and no samples in the temp directory: the loader falls back to synthetic bars, and says why.
        Assert.Equal("synthetic", data.GetProperty("source").GetString());
        Assert.Equal(21, data.GetProperty("symbols").GetArrayLength());
        Assert.Contains("NYSE:SPY", data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(756, data.GetProperty("bars").GetInt32());
        Assert.Equal(2, data.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public async Task The_text_summary_names_the_statistics_the_data_and_the_run_directory()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", .. ShortWindow]);

        Assert.Contains("total return", output, StringComparison.Ordinal);
        Assert.Contains("synthetic data", output, StringComparison.Ordinal);
        Assert.Contains("look-ahead audit: clean", output, StringComparison.Ordinal);
        Assert.Contains("Run directory: " + _cli.RunsDir, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_backtest_twice_gives_the_same_statistics()
    {
        var (first, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);
        var (second, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--json", .. ShortWindow]);

        static string WithoutRunId(string json) => json[json.IndexOf("\"total_return\"", StringComparison.Ordinal)..];
        Assert.NotEqual(ResearchCli.ParseSingleObject(first).GetProperty("run_id").GetString(), ResearchCli.ParseSingleObject(second).GetProperty("run_id").GetString());
        Assert.Equal(WithoutRunId(first), WithoutRunId(second));
    }

    [Fact]
    public async Task An_unknown_strategy_is_a_usage_error_with_the_closest_name()
    {
        var (exit, output, error) = await _cli.RunAsync("backtest", "--strategy", "mean_reversoin", "--json");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("Unknown strategy \"mean_reversoin\"; did you mean mean_reversion?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_engine_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("backtest", "--strategy", "mean_reversion", "--engine", "hrpp");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Unknown engine \"hrpp\"; did you mean hrp? Known: equal, inverse-vol, min-vol", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sleeve_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("backtest", "--sleeve", "quik");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("There is no sleeve \"quik\"", error, StringComparison.Ordinal);
        Assert.Contains("did you mean quick?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_a_strategy_and_a_sleeve_is_a_usage_error()
    {
        var (exit, _, error) = await _cli.RunAsync("backtest", "--strategy", "mean_reversion", "--sleeve", "quick");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("exactly one of --strategy NAME or --sleeve NAME", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_re_optimises_the_strategy_picks_and_the_run_records_it()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, "--strategy", "mean_reversion", "--engine", "hrp", "--from", "2018-06-01", "--to", "2019-06-30", "--json");

        var statistics = ResearchCli.ParseSingleObject(output);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.RunDirectory(statistics.GetProperty("run_id").GetString()!), "backtest_run.json")));
        Assert.Equal("hrp", run.RootElement.GetProperty("engine").GetString());
        Assert.True(statistics.GetProperty("trades").GetInt32() > 0);
    }

    [Fact]
    public async Task Walk_forward_writes_every_window_and_reports_the_out_of_sample_part()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--walk-forward", "--json", .. ShortWindow]);

        var statistics = ResearchCli.ParseSingleObject(output);
        using var windows = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.RunDirectory(statistics.GetProperty("run_id").GetString()!), "walk_forward.json")));
        var list = windows.RootElement.GetProperty("windows").EnumerateArray().ToList();
        // About 124 bars: 40 train + 20 test, stepping 20, gives 4 windows; each scored 5 candidates.
        Assert.True(list.Count >= 3, $"{list.Count} windows");
        Assert.All(list, w => Assert.Equal(5, w.GetProperty("candidates").GetArrayLength()));
        Assert.Equal(statistics.GetProperty("sharpe").GetRawText(), windows.RootElement.GetProperty("out_of_sample").GetProperty("sharpe").GetRawText());
    }

    [Fact]
    public async Task A_strategy_that_needs_margin_is_refused_on_a_cash_backtest_account_with_the_fix()
    {
        var (_, error) = await Backtest(ExitCodes.Problems, ["--strategy", "pairs", .. ShortWindow]);

        Assert.Contains("pairs needs a margin account", error, StringComparison.Ordinal);
        Assert.Contains("actortrader.backtest.account = margin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_shorter_than_the_strategy_history_is_refused_naming_the_fix()
    {
        var (_, error) = await Backtest(ExitCodes.Problems, "--strategy", "mean_reversion", "--from", "2019-01-01", "--to", "2019-01-10");

        Assert.Contains("decides from bar 21 on", error, StringComparison.Ordinal);
        Assert.Contains("Fix: widen the window", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.RunsDir) && Directory.EnumerateDirectories(_cli.RunsDir).Any());
    }

    [Fact]
    public async Task Given_symbols_are_backtested_on_the_vectorised_simulator_when_asked()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--symbols", "NYSE:SYN00001,NYSE:SYN00002", "--simulator", "vectorised", "--json", .. ShortWindow]);

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!), "backtest_run.json")));
        Assert.Equal("vectorised", run.RootElement.GetProperty("simulation").GetProperty("simulator").GetString());
        Assert.Equal(["NYSE:SYN00001", "NYSE:SYN00002"], run.RootElement.GetProperty("data").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Crypto_symbols_are_annualised_on_365_days_and_traded_in_fractional_lots()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, ["--strategy", "mean_reversion", "--symbols", "CRYPTO:BTC/USD,CRYPTO:ETH/USD", "--json", .. ShortWindow]);

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!), "backtest_run.json")));
        var simulation = run.RootElement.GetProperty("simulation");
        Assert.Equal(365, simulation.GetProperty("periods_per_year").GetDouble());
        Assert.Equal(0.0001m, simulation.GetProperty("lot_size").GetDecimal());
        // Crypto trades every day: half a year holds about 180 bars, not about 124.
        Assert.True(run.RootElement.GetProperty("data").GetProperty("bars").GetInt32() > 170);
    }

    [Fact]
    public async Task A_sleeve_backtest_runs_the_pipeline_then_simulates_its_weights_in_one_run_directory()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, "--sleeve", "quick", "--json");

        var directory = _cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!);
        Assert.True(File.Exists(Path.Combine(directory, "sleeves", "quick", "weights.json")));
        Assert.True(File.Exists(Path.Combine(directory, "backtest_result.json")));
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "backtest_run.json")));
        Assert.Equal("sleeves/quick", run.RootElement.GetProperty("sleeve_run_directory").GetString());
        Assert.Equal("min-vol", run.RootElement.GetProperty("engine").GetString());
        Assert.Contains("sleeves/quick/weights.json", File.ReadAllText(Path.Combine(directory, "INDEX.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_costs_a_sleeve_backtest_earns_exactly_the_sleeves_own_returns_bar_by_bar()
    {
        // The sleeve's in-sample returns come from what each leg held bar by bar; a backtest of a static allocation would not match.
        using var cli = new ResearchCli("backtest { cost-bps = 0, rebalance = daily }");
        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok, "backtest", "--sleeve", "quick", "--simulator", "vectorised", "--json");

        var directory = cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!);
        var sleeve = ReturnsByDate(Path.Combine(directory, "sleeves", "quick", "tearsheet", "returns.csv"));
        var backtest = ReturnsByDate(Path.Combine(directory, "returns.csv"));
        Assert.NotEmpty(sleeve);
        Assert.Contains(sleeve.Values, r => r != 0);
        foreach (var (date, expected) in sleeve) Assert.Equal(expected, backtest[date], 12);
    }

    private static Dictionary<string, double> ReturnsByDate(string csv) =>
        File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Fact]
    public async Task A_sleeve_backtest_with_an_engine_makes_it_the_primary()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, "--sleeve", "quick", "--engine", "erc", "--json");

        var directory = _cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "backtest_run.json")));
        Assert.Equal("erc", run.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public async Task A_sleeve_whose_selection_comes_out_empty_stops_with_the_reason_and_writes_nothing_to_stdout_in_json()
    {
        var (exit, output, error) = await _cli.RunAsync("backtest", "--sleeve", "impossible", "--json");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Empty(output);
        Assert.Contains("failed at stage selection", error, StringComparison.Ordinal);
        Assert.Contains("empty universe after selection", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_a_usage_error()
    {
        var (exit, _, error) = await _cli.RunAsync("backtest", "--strategy", "mean_reversion", "--from", "2019/01/01");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--from \"2019/01/01\" is not a date", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minute_strategy_runs_on_synthetic_minute_bars_traded_every_bar()
    {
        var (output, _) = await Backtest(ExitCodes.Ok, "--strategy", "gap_fill", "--from", "2024-06-24", "--to", "2024-06-28", "--json");

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.RunDirectory(ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!), "backtest_run.json")));
        var data = run.RootElement.GetProperty("data");
        Assert.Equal("1Min", data.GetProperty("timeframe").GetString());
        Assert.Equal(5, data.GetProperty("symbols").GetArrayLength());
        // Five sessions of 390 regular minutes.
        Assert.Equal(5 * 390, data.GetProperty("bars").GetInt32());
        var simulation = run.RootElement.GetProperty("simulation");
        Assert.Equal("every-1-bars", simulation.GetProperty("rebalance").GetString());
        Assert.Equal(252 * 390, simulation.GetProperty("periods_per_year").GetDouble());
    }

    [Fact]
    public async Task Crypto_mixed_with_equities_is_a_usage_error()
    {
        var (exit, _, error) = await _cli.RunAsync(["backtest", "--strategy", "mean_reversion", "--symbols", "CRYPTO:BTC/USD,NYSE:SYN00001", .. ShortWindow]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("mixes crypto with other assets", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_source_without_the_data_exits_1_naming_the_source_and_the_fix()
    {
        var (_, error) = await Backtest(ExitCodes.Problems, ["--strategy", "mean_reversion", "--source", "csv", .. ShortWindow]);

        Assert.Contains("The bars cannot be loaded: csv:", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }
}
