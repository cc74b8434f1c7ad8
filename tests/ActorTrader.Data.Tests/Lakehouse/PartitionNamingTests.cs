using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class PartitionNamingTests
{
    [Fact]
    public void A_crypto_pair_gets_an_escaped_directory_without_a_path_separator()
    {
        Assert.Equal("symbol=CRYPTO_BTC%2FUSD", PartitionNaming.SymbolDirectory(new Symbol("CRYPTO", "BTC/USD")));
    }

    [Fact]
    public void An_underscore_in_a_part_is_escaped_so_the_separator_stays_unique()
    {
        var symbol = new Symbol("MY_EX", "A_B");

        var name = PartitionNaming.SymbolDirectory(symbol);

        Assert.Equal("symbol=MY%5FEX_A%5FB", name);
        Assert.Equal(symbol, PartitionNaming.ParseSymbolDirectory(name));
    }

    [Fact]
    public void Random_symbols_round_trip_through_their_directory_names()
    {
        const string alphabet = "ABCXYZ0189./-_";
        var random = new Random(3);
        string Part() => new(Enumerable.Range(0, random.Next(1, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 2000; i++)
        {
            var symbol = new Symbol(Part(), Part());

            var name = PartitionNaming.SymbolDirectory(symbol);

            Assert.DoesNotContain('/', name);
            Assert.Equal(symbol, PartitionNaming.ParseSymbolDirectory(name));
        }
    }

    [Theory]
    [InlineData("symbol=NASDAQ")]
    [InlineData("symbol=A_B_C")]
    [InlineData("symbol=A_%2")]
    [InlineData("other=A_B")]
    public void A_name_that_is_not_a_symbol_directory_parses_to_null(string name)
    {
        Assert.Null(PartitionNaming.ParseSymbolDirectory(name));
    }

    [Fact]
    public void A_crypto_pair_is_stored_and_listed_under_its_own_symbol()
    {
        using var lake = new StoreFixture();
        var btc = new Symbol("CRYPTO", "BTC/USD");

        lake.Write(btc, Bars.Daily(5));

        Assert.True(Directory.Exists(Path.Combine(lake.Layout.Bars, "timeframe=1Day", "symbol=CRYPTO_BTC%2FUSD")));
        Assert.Equal(btc, Assert.Single(lake.Reopen().List()).Symbol);
        Assert.Equal(5, lake.Reopen().Read(btc, Timeframe.Day1).Count);
    }
}
