using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Providers.Synthetic.SyntheticFixture;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

public sealed class SyntheticDeterminismTests
{
    private static readonly DateTimeOffset Start = Utc(2010, 1, 1);
    private static readonly DateTimeOffset End = Utc(2020, 1, 1);

    [Fact]
    public void The_same_seed_and_symbol_give_identical_bars_from_separate_providers()
    {
        var first = new SyntheticMarketDataProvider(7).Daily("NASDAQ:AAPL", Start, End);
        var second = new SyntheticMarketDataProvider(7).Daily("NASDAQ:AAPL", Start, End);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_bars()
    {
        var first = new SyntheticMarketDataProvider(7).Daily("NASDAQ:AAPL", Start, End);
        var second = new SyntheticMarketDataProvider(8).Daily("NASDAQ:AAPL", Start, End);

        Assert.Equal(first.Select(b => b.Timestamp), second.Select(b => b.Timestamp));
        Assert.True(first.Zip(second).Count(p => p.First.Close != p.Second.Close) > first.Count * 0.9);
    }

    [Fact]
    public void Different_symbols_get_different_paths()
    {
        var provider = new SyntheticMarketDataProvider(7);

        Assert.NotEqual(
            provider.Daily("NYSE:AAA", Start, End).Select(b => b.Close),
            provider.Daily("NYSE:AAB", Start, End).Select(b => b.Close));
    }

    [Fact]
    public void A_symbol_gets_the_same_bars_whatever_was_requested_before_and_in_which_order()
    {
        var alone = new SyntheticMarketDataProvider(11).Daily("NYSE:XOM", Start, End);

        var busy = new SyntheticMarketDataProvider(11);
        busy.Daily("CRYPTO:BTC/USD", Start, End);
        busy.Daily("NYSE:CVX", Utc(1995, 1, 1), Utc(2024, 1, 1));
        busy.Bars("NYSE:XOM", Timeframe.Minute1, Utc(2015, 6, 1), Utc(2015, 6, 3));
        var afterOthers = busy.Daily("NYSE:XOM", Start, End);

        Assert.Equal(alone, afterOthers);
    }

    [Fact]
    public void Daily_bars_of_any_range_equal_the_same_slice_of_a_larger_request()
    {
        var provider = new SyntheticMarketDataProvider(3);
        var random = new Random(1234);
        foreach (var symbol in new[] { "NYSE:IBM", "CRYPTO:ETH/USD", "ARCA:SPY" })
        {
            var (from, to) = (Utc(1999, 1, 1), Utc(2012, 1, 1));
            var whole = provider.Daily(symbol, from, to);
            var fresh = new SyntheticMarketDataProvider(3);
            for (var i = 0; i < 15; i++)
            {
                var a = from.AddMinutes(random.Next(0, 12 * 365 * 1440));
                var b = Min(a.AddMinutes(random.Next(1, 3 * 365 * 1440)), to);
                var expected = whole.Where(bar => bar.Timestamp >= a && bar.Timestamp < b).ToList();

                Assert.Equal(expected, provider.Daily(symbol, a, b));
                Assert.Equal(expected, fresh.Daily(symbol, a, b));
            }
        }
    }

    [Fact]
    public void Minute_bars_of_any_range_equal_the_same_slice_of_a_larger_request()
    {
        var provider = new SyntheticMarketDataProvider(3);
        var random = new Random(99);
        foreach (var symbol in new[] { "NASDAQ:MSFT", "CRYPTO:SOL/USD" })
        {
            var whole = provider.Bars(symbol, Timeframe.Minute1, Utc(2021, 3, 8), Utc(2021, 3, 20));
            for (var i = 0; i < 10; i++)
            {
                var a = Utc(2021, 3, 8).AddMinutes(random.Next(0, 10 * 1440));
                var b = a.AddMinutes(random.Next(1, 2 * 1440));

                Assert.Equal(whole.Where(bar => bar.Timestamp >= a && bar.Timestamp < b), provider.Bars(symbol, Timeframe.Minute1, a, b));
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [Fact]
    public void The_generator_uses_SplitMix64_so_draws_are_the_same_in_every_process()
    {
        // Published first output of SplitMix64 seeded with 0.
        Assert.Equal(0xE220A8397B1DCDAFUL, CounterRng.Bits(0, 1));
    }

    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Symbols_are_hashed_with_FNV_1a_64(string text, ulong expected)
    {
        // Published FNV-1a 64-bit test vectors.
        Assert.Equal(expected, StableHash.Of(text));
    }
}
