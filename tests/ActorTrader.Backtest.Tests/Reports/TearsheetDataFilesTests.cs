using System.Globalization;
using System.Text.Json;
using ActorTrader.Backtest.Reports;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tests.Reports;

public class TearsheetDataFilesTests
{
    [Fact]
    public void Returns_csv_parses_back_to_the_same_dates_and_returns()
    {
        var data = ReportTestData.Rich();
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(data, dir.Path);

        var lines = File.ReadAllLines(output.ReturnsCsv);
        Assert.Equal("date,return,equity,drawdown", lines[0]);
        Assert.Equal(data.Returns.Count + 1, lines.Length);
        for (var t = 0; t < data.Returns.Count; t++)
        {
            var fields = lines[t + 1].Split(',');
            Assert.Equal(data.Dates[t], DateTimeOffset.Parse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            Assert.Equal(data.Returns[t], double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Returns_csv_equity_and_drawdown_follow_the_constructed_path()
    {
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(ReportTestData.Known(), dir.Path);

        var rows = File.ReadAllLines(output.ReturnsCsv).Skip(1).Select(l => l.Split(',').Select(f => f).ToArray()).ToArray();
        var equity = rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
        var drawdown = rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
        double[] expectedEquity = [1.1, 0.88, 1.1, 1.21, 1.1495];
        double[] expectedDrawdown = [0, 0.2, 0, 0, 1 - 1.1495 / 1.21];
        for (var t = 0; t < 5; t++)
        {
            Assert.Equal(expectedEquity[t], equity[t], 12);
            Assert.Equal(expectedDrawdown[t], drawdown[t], 12);
        }
        Assert.Equal(Drawdowns.Series(ReportTestData.KnownReturns), drawdown);
    }

    [Fact]
    public void Weights_csv_has_one_column_per_asset_and_parses_back_to_the_same_weights()
    {
        var weights = new WeightsHistory(ReportTestData.Days(2), ["A,B", "C\"D", "E"], [[0.1, -0.2, 0.30000000000000004], [1.0 / 3, 0, -1e-17]]);
        var data = ReportTestData.Known() with { Weights = weights };
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(data, dir.Path);

        var lines = File.ReadAllLines(output.WeightsCsv!);
        Assert.Equal("date,\"A,B\",\"C\"\"D\",E", lines[0]);
        for (var t = 0; t < 2; t++)
        {
            var fields = lines[t + 1].Split(',');
            Assert.Equal(weights.Dates[t], DateTimeOffset.Parse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            Assert.Equal(weights.Rows[t], fields.Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void No_weights_csv_is_written_without_weights()
    {
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(ReportTestData.Known(), dir.Path);

        Assert.Null(output.WeightsCsv);
        Assert.False(File.Exists(dir.File(TearsheetWriter.WeightsFileName)));
    }

    [Fact]
    public void Statistics_json_holds_quants_values_under_their_keys()
    {
        var data = ReportTestData.Rich();
        var quant = PerformanceSummary.Compute(data.Returns.ToArray(), 252);
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(data, dir.Path);

        using var json = JsonDocument.Parse(File.ReadAllBytes(output.StatisticsJson));
        var root = json.RootElement;
        Assert.Equal("20240102T000000Z-123456", root.GetProperty("run_id").GetString());
        Assert.Equal("rich", root.GetProperty("profile").GetString());
        Assert.Equal(quant.Sharpe, root.GetProperty("statistics").GetProperty("sharpe").GetDouble());
        Assert.Equal(quant.TotalReturn, root.GetProperty("statistics").GetProperty("total_return").GetDouble());
        Assert.Equal(["costs", "engine"], root.GetProperty("notes").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Statistics_json_spells_out_undefined_and_infinite_values()
    {
        // Never a losing period: no drawdown (Calmar undefined) and no downside (Sortino infinite).
        var data = ReportTestData.Known() with { Returns = [0.01, 0.02, 0.01, 0.03, 0.02] };
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(data, dir.Path);

        using var json = JsonDocument.Parse(File.ReadAllBytes(output.StatisticsJson));
        var statistics = json.RootElement.GetProperty("statistics");
        Assert.Equal("NaN", statistics.GetProperty("calmar").GetString());
        Assert.Equal("Infinity", statistics.GetProperty("sortino").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("max_drawdown_episode").GetProperty("trough").ValueKind);
    }

    [Fact]
    public void Statistics_json_monthly_returns_match_the_heat_map_months()
    {
        var data = ReportTestData.Rich();
        using var dir = new TempDirectory();

        var output = new TearsheetWriter().Write(data, dir.Path);

        using var json = JsonDocument.Parse(File.ReadAllBytes(output.StatisticsJson));
        var months = json.RootElement.GetProperty("monthly_returns").EnumerateArray().ToList();
        Assert.Equal(output.Statistics.Monthly.Months.Count, months.Count);
        var first = output.Statistics.Monthly.Months[0];
        Assert.Equal(first.Return, months[0].GetProperty("return").GetDouble());
        Assert.Equal(first.Month, months[0].GetProperty("month").GetInt32());
    }
}
