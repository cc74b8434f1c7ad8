using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class MonthlyReturnsTests
{
    // 21:00 in New York on 31 January is 02:00 UTC on 1 February.
    private static readonly DateTimeOffset NewYorkEveningOfJanuary31 = new(2024, 1, 31, 21, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void A_bar_late_on_the_last_local_day_of_a_month_counts_for_the_next_utc_month()
    {
        DateTimeOffset[] dates = [new(2024, 1, 29, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 30, 0, 0, 0, TimeSpan.Zero), NewYorkEveningOfJanuary31, new(2024, 2, 2, 0, 0, 0, TimeSpan.Zero)];

        var monthly = MonthlyReturns.From(dates, [0.01, 0.02, 0.05, -0.01]);

        Assert.Equal(1.01 * 1.02 - 1, monthly.At(2024, 1)!.Value, 12);
        Assert.Equal(1.05 * 0.99 - 1, monthly.At(2024, 2)!.Value, 12);
        Assert.Equal(2, monthly.Months.Single(m => m.Month == 2).Periods);
    }

    [Fact]
    public void Months_without_periods_are_absent_not_zero()
    {
        DateTimeOffset[] dates = [new(2023, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero)];

        var monthly = MonthlyReturns.From(dates, [0.01, 0.02]);

        Assert.Null(monthly.At(2023, 12));
        Assert.Equal([2023, 2024], monthly.Years.Select(y => y.Year));
    }

    [Fact]
    public void Year_return_compounds_its_months()
    {
        DateTimeOffset[] dates = [new(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), new(2024, 6, 5, 0, 0, 0, TimeSpan.Zero), new(2025, 1, 5, 0, 0, 0, TimeSpan.Zero)];

        var monthly = MonthlyReturns.From(dates, [0.10, -0.10, 0.05]);

        Assert.Equal(1.1 * 0.9 - 1, monthly.Years[0].Return, 12);
        Assert.Equal(0.05, monthly.Years[1].Return, 12);
    }
}
