using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class ReportFormatTests
{
    [Fact]
    public void Dates_are_iso_8601_utc_whatever_the_offset()
    {
        Assert.Equal("2024-02-01T02:00:00Z", ReportFormat.Date(new DateTimeOffset(2024, 1, 31, 21, 0, 0, TimeSpan.FromHours(-5))));
        Assert.Equal("2024-02-01T02:00:00.5Z", ReportFormat.Date(new DateTimeOffset(2024, 2, 1, 2, 0, 0, 500, TimeSpan.Zero)));
    }

    [Fact]
    public void Numbers_round_trip_and_spell_out_non_finite_values()
    {
        Assert.Equal(0.1 + 0.2, double.Parse(ReportFormat.Number(0.1 + 0.2), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NaN", ReportFormat.Number(double.NaN));
        Assert.Equal("-Infinity", ReportFormat.Number(double.NegativeInfinity));
    }

    [Fact]
    public void A_tiny_loss_that_rounds_to_zero_is_not_shown_as_negative()
    {
        Assert.Equal("0.00%", ReportFormat.Percent(-1e-7));
        Assert.Equal("-0.01%", ReportFormat.Percent(-1e-4));
    }
}
