using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Catalog.CatalogFixture;

namespace ActorTrader.Data.Tests.Catalog;

public sealed class PointInTimeTests : IDisposable
{
    private readonly CatalogFixture _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_profile_change_yields_a_second_version_and_closes_the_first()
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);

        var result = _catalog.Catalog.Upsert([Etf(Spy) with { Profile = AssetProfile.UsEquity }], Feb1);

        Assert.Equal(1, result.Versioned);
        var history = _catalog.Reopen().History(Spy);
        Assert.Equal(2, history.Count);
        Assert.Equal((AssetProfile.Etf, Jan1, (DateTimeOffset?)Feb1), (history[0].Profile, history[0].ValidFrom, history[0].ValidTo));
        Assert.Equal((AssetProfile.UsEquity, Feb1, (DateTimeOffset?)null), (history[1].Profile, history[1].ValidFrom, history[1].ValidTo));
    }

    [Fact]
    public void A_query_as_of_a_past_date_sees_the_old_version()
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);
        _catalog.Catalog.Upsert([Etf(Spy) with { Profile = AssetProfile.UsEquity }], Feb1);
        var catalog = _catalog.Reopen();

        Assert.Equal(AssetProfile.Etf, catalog.AsOf(Spy, Jan1.AddDays(15))!.Profile);
        Assert.Equal(AssetProfile.Etf, catalog.AsOf(Spy, Feb1.AddTicks(-10))!.Profile);
        Assert.Equal(AssetProfile.UsEquity, catalog.AsOf(Spy, Feb1)!.Profile);
        Assert.Null(catalog.AsOf(Spy, Jan1.AddTicks(-10)));
    }

    [Fact]
    public void An_unchanged_upsert_creates_no_version_and_leaves_the_file_untouched()
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);
        var before = File.ReadAllBytes(_catalog.Layout.Symbols);

        var result = _catalog.Catalog.Upsert([Etf(Spy)], Feb1);

        Assert.Equal((0, 0, 0, 1), (result.Added, result.Versioned, result.UpdatedInPlace, result.Unchanged));
        Assert.Single(_catalog.Reopen().History(Spy));
        Assert.Equal(before, File.ReadAllBytes(_catalog.Layout.Symbols));
    }

    [Fact]
    public void A_name_change_updates_the_current_version_in_place()
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);

        var result = _catalog.Catalog.Upsert([Etf(Spy) with { Name = "SPDR S&P 500 ETF Trust" }], Feb1);

        Assert.Equal(1, result.UpdatedInPlace);
        var version = Assert.Single(_catalog.Reopen().History(Spy));
        Assert.Equal("SPDR S&P 500 ETF Trust", version.Name);
        Assert.Equal(Jan1, version.ValidFrom);
    }

    [Theory]
    [InlineData("tick")]
    [InlineData("lot")]
    [InlineData("tradable")]
    [InlineData("shortable")]
    [InlineData("session")]
    [InlineData("timezone")]
    public void A_change_of_a_trading_field_starts_a_new_version(string field)
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);
        var changed = field switch
        {
            "tick" => Etf(Spy) with { TickSize = 0.005m },
            "lot" => Etf(Spy) with { LotSize = 100m },
            "tradable" => Etf(Spy) with { Tradable = false },
            "shortable" => Etf(Spy) with { Shortable = false },
            "session" => Etf(Spy) with { Session = "04:00-20:00" },
            _ => Etf(Spy) with { TimeZone = "America/Chicago" },
        };

        Assert.Equal(1, _catalog.Catalog.Upsert([changed], Feb1).Versioned);
        Assert.Equal(2, _catalog.Catalog.History(Spy).Count);
    }

    [Fact]
    public void All_as_of_returns_each_symbol_as_it_was_then()
    {
        var qqq = new Symbol("NASDAQ", "QQQ");
        _catalog.Catalog.Upsert([Etf(Spy)], Jan1);
        _catalog.Catalog.Upsert([Etf(qqq), Etf(Spy) with { Tradable = false }], Feb1);

        var january = _catalog.Catalog.AllAsOf(Jan1.AddDays(1));
        var february = _catalog.Catalog.AllAsOf(Feb1.AddDays(1));

        Assert.Equal([Spy], january.Select(v => v.Symbol));
        Assert.True(january[0].Tradable);
        Assert.Equal([Spy, qqq], february.Select(v => v.Symbol)); // ordered by symbol: ARCA before NASDAQ
        Assert.False(february.Single(v => v.Symbol == Spy).Tradable);
    }

    [Fact]
    public void A_change_dated_before_the_current_version_is_rejected_and_changes_nothing()
    {
        _catalog.Catalog.Upsert([Etf(Spy)], Feb1);

        var error = Assert.Throws<ArgumentException>(() => _catalog.Catalog.Upsert([Etf(Spy) with { Profile = AssetProfile.UsEquity }], Jan1));

        Assert.Contains("ARCA:SPY", error.Message, StringComparison.Ordinal);
        Assert.Single(_catalog.Reopen().History(Spy));
    }

    [Fact]
    public void A_symbol_listed_twice_in_one_upsert_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _catalog.Catalog.Upsert([Etf(Spy), Etf(Spy)], Jan1));
    }

    [Fact]
    public void A_random_sequence_of_upserts_keeps_contiguous_versions_and_answers_as_of_queries()
    {
        var random = new Random(4);
        var profiles = new[] { AssetProfile.Etf, AssetProfile.UsEquity };
        var truth = new List<(DateTimeOffset At, AssetProfile Profile, bool Tradable)>();
        for (var day = 0; day < 60; day++)
        {
            var at = Jan1.AddDays(day);
            var profile = profiles[random.Next(2)];
            var tradable = random.Next(3) != 0;
            _catalog.Catalog.Upsert([new SymbolMetadata(Spy, profile, Tradable: tradable)], at);
            truth.Add((at, profile, tradable));
        }

        var catalog = _catalog.Reopen();
        var history = catalog.History(Spy);
        for (var i = 1; i < history.Count; i++) Assert.Equal(history[i - 1].ValidTo, history[i].ValidFrom);
        Assert.Null(history[^1].ValidTo);
        foreach (var (at, profile, tradable) in truth)
        {
            var version = catalog.AsOf(Spy, at.AddHours(12))!;
            Assert.Equal((profile, tradable), (version.Profile, version.Tradable));
        }
    }
}
