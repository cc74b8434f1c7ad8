using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class ValidationTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void A_price_with_more_than_nine_decimals_is_rejected_naming_symbol_column_and_fix()
    {
        var bar = Bars.At(0) with { Close = 1.0000000001m };

        var error = Assert.Throws<ArgumentException>(() => _lake.Write(Aapl, bar));

        Assert.Contains("NASDAQ:AAPL", error.Message, StringComparison.Ordinal);
        Assert.Contains("close 1.0000000001", error.Message, StringComparison.Ordinal);
        Assert.Contains("round it to 9 decimals", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_lake.PartitionDirectory(Aapl)));
    }

    [Fact]
    public void A_price_of_a_billion_or_more_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => _lake.Write(Aapl, Bars.At(0) with { High = 1_000_000_000m }));

        Assert.Contains("high 1000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_volume_of_ten_to_the_nineteen_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => _lake.Write(Aapl, Bars.At(0) with { Volume = 10_000_000_000_000_000_000m }));

        Assert.Contains("volume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_zeros_beyond_nine_decimals_are_accepted_because_the_value_fits()
    {
        _lake.Write(Aapl, Bars.At(0) with { Open = 1.50000000000000m });

        Assert.Equal(1.5m, _lake.Store.Read(Aapl, Timeframe.Day1).Single().Open);
    }

    [Fact]
    public void A_sub_microsecond_timestamp_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => _lake.Write(Aapl, Bars.At(0) with { Timestamp = Bars.Start.AddTicks(1) }));

        Assert.Contains("sub-microsecond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fast_range_check_agrees_with_exact_decimal_arithmetic()
    {
        var random = new Random(5);
        var limit = 1_000_000_000m;
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(0, 29));
            var exact = decimal.Round(value, 9) == value && value < limit && value > -limit;

            Assert.Equal(exact, BarFileFormat.PriceProblem(value, "open") is null);
        }
    }
}
