using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class TearsheetDataValidationTests
{
    [Fact]
    public void Length_mismatch_names_both_lengths()
    {
        var data = ReportTestData.Known() with { Dates = ReportTestData.Days(6) };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Returns has 5 values but Dates has 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_return_is_named_by_its_date()
    {
        var data = ReportTestData.Known() with { Returns = [0.01, 0.02, double.NaN, 0.01, 0.0] };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Returns at 2024-01-04T00:00:00Z (index 2) is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_benchmark_return_is_named_by_its_date()
    {
        var data = ReportTestData.Known() with { BenchmarkReturns = [0.01, double.NaN, 0.0, 0.01, 0.0] };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("BenchmarkReturns at 2024-01-03T00:00:00Z (index 1) is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_length_mismatch_names_both_lengths()
    {
        var data = ReportTestData.Known() with { BenchmarkReturns = [0.01, 0.0, 0.01] };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("BenchmarkReturns has 3 values but Dates has 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_out_of_order_name_both_dates()
    {
        var dates = ReportTestData.Days(5).ToArray();
        (dates[2], dates[3]) = (dates[3], dates[2]);
        var data = ReportTestData.Known() with { Dates = dates };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Dates[3] (2024-01-04T00:00:00Z) is not after Dates[2] (2024-01-05T00:00:00Z)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_compared_in_utc_whatever_their_offset()
    {
        // 2024-01-02 01:00 +02:00 is 2024-01-01 23:00 UTC, before the first date.
        var dates = ReportTestData.Days(5).ToArray();
        dates[1] = new DateTimeOffset(2024, 1, 2, 1, 0, 0, TimeSpan.FromHours(2));
        var data = ReportTestData.Known() with { Dates = dates };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Dates[1] (2024-01-01T23:00:00Z)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_four_periods_are_refused_with_the_minimum()
    {
        var data = ReportTestData.Known() with { Dates = ReportTestData.Days(3), Returns = [0.01, 0.02, 0.03] };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Dates has 3 periods; a tearsheet needs at least 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_beyond_everything_is_refused()
    {
        var data = ReportTestData.Known() with { Returns = [0.01, -1.5, 0.0, 0.0, 0.0] };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("is -1.5, a loss of more than everything", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_run_id_is_refused()
    {
        var data = ReportTestData.Known() with { RunId = " " };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Equal("RunId", error.ParamName);
    }

    [Fact]
    public void Weights_row_of_the_wrong_width_names_its_date_and_both_counts()
    {
        var weights = new WeightsHistory(ReportTestData.Days(2), ["A", "B"], [[0.5, 0.5], [1.0]]);
        var data = ReportTestData.Known() with { Weights = weights };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains("Weights row at 2024-01-03T00:00:00Z has 1 values but there are 2 assets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_weight_names_its_asset_and_date()
    {
        var weights = new WeightsHistory(ReportTestData.Days(1), ["A", "B"], [[0.5, double.NaN]]);

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains("Weight of B at 2024-01-02T00:00:00Z is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_asset_name_is_named()
    {
        var weights = new WeightsHistory(ReportTestData.Days(1), ["A", "A"], [[0.5, 0.5]]);

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains("names \"A\" twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_rows_and_dates_of_different_lengths_name_both_lengths()
    {
        var weights = new WeightsHistory(ReportTestData.Days(3), ["A"], [[1.0]]);

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains("Weights.Rows has 1 rows but Weights.Dates has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_window_below_two_is_refused_by_the_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new TearsheetWriter(new TearsheetOptions { RollingSharpeWindow = 1 }));

        Assert.Contains("RollingSharpeWindow is 1", error.Message, StringComparison.Ordinal);
    }
}
