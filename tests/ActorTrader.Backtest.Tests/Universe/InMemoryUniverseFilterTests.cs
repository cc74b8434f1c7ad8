using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Universe;

namespace ActorTrader.Backtest.Tests.Universe;

public sealed class InMemoryUniverseFilterTests
{
    private static readonly DateTimeOffset[] Days = TestPanels.Weekdays(5);

    private static FeatureRow Row(int day, string ticker, double rating, double close = 10) => new(Days[day], TestPanels.Sym(ticker), close, rating);

    [Fact]
    public void Symbol_needs_the_minimum_history_known_by_the_decision()
    {
        var filter = new InMemoryUniverseFilter([Row(0, "A", 0.5), Row(1, "A", 0.5), Row(2, "A", 0.5), Row(1, "B", 0.5)], new UniverseRule(MinimumHistory: 2));

        Assert.Empty(filter.AllowedAt(Days[0]));
        Assert.Equal([TestPanels.Sym("A")], filter.AllowedAt(Days[1]));
    }

    [Fact]
    public void Latest_known_rating_decides_and_later_rows_are_not_seen()
    {
        var filter = new InMemoryUniverseFilter([Row(0, "A", -0.8), Row(2, "A", 0.9)], new UniverseRule(MinimumRating: 0.1));

        Assert.Empty(filter.AllowedAt(Days[1]));        // the 0.9 of day 2 is in the future
        Assert.Single(filter.AllowedAt(Days[2]));
    }

    [Fact]
    public void Nan_rating_never_passes()
    {
        var filter = new InMemoryUniverseFilter([Row(0, "A", double.NaN)], UniverseRule.Any);

        Assert.Empty(filter.AllowedAt(Days[3]));
    }

    [Fact]
    public void Close_below_the_minimum_is_excluded()
    {
        var filter = new InMemoryUniverseFilter([Row(0, "A", 0, close: 4), Row(0, "B", 0, close: 6)], new UniverseRule(MinimumClose: 5));

        Assert.Equal([TestPanels.Sym("B")], filter.AllowedAt(Days[0]));
    }

    [Fact]
    public void Duplicate_rows_are_refused_with_symbol_and_time()
    {
        var e = Assert.Throws<ArgumentException>(() => new InMemoryUniverseFilter([Row(0, "A", 0), Row(0, "A", 1)], UniverseRule.Any));

        Assert.Contains("NYSE:A", e.Message, StringComparison.Ordinal);
    }
}
