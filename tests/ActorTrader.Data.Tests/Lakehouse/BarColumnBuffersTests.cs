using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class BarColumnBuffersTests
{
    [Fact]
    public void Columns_hold_each_field_of_the_bars_in_schema_order()
    {
        var bars = Bars.Daily(5);
        var columns = new BarColumnBuffers(2).Fill(bars);
        Assert.Equal(BarFileFormat.Schema.Fields, columns.Parquet.Select(c => c.Field));
        Assert.Equal(bars.Select(b => b.Timestamp.UtcDateTime), columns.Time);
        Assert.Equal(bars.Select(b => b.Open), columns.Open);
        Assert.Equal(bars.Select(b => b.High), columns.High);
        Assert.Equal(bars.Select(b => b.Low), columns.Low);
        Assert.Equal(bars.Select(b => b.Close), columns.Close);
        Assert.Equal(bars.Select(b => b.Volume), columns.Volume);
        Assert.Equal(bars.Select(b => b.TradeCount), columns.Trades);
        Assert.Equal(bars.Select(b => b.Vwap), columns.Vwap);
    }

    [Fact]
    public void A_returned_set_serves_the_next_fill_of_the_same_length()
    {
        var buffers = new BarColumnBuffers(2);
        var first = buffers.Fill(Bars.Daily(10, seed: 1));
        buffers.Return(first);
        var second = buffers.Fill(Bars.Daily(10, seed: 2));
        Assert.Same(first, second);
        Assert.Equal(Bars.Daily(10, seed: 2).Select(b => b.Close), second.Close);
    }

    [Fact]
    public void A_fill_of_another_length_gets_arrays_of_its_own()
    {
        var buffers = new BarColumnBuffers(2);
        var ten = buffers.Fill(Bars.Daily(10));
        buffers.Return(ten);
        var eleven = buffers.Fill(Bars.Daily(11));
        Assert.NotSame(ten, eleven);
        Assert.Equal(11, eleven.Time.Length);
    }

    [Fact]
    public void Partitions_of_the_same_length_written_one_after_another_each_keep_their_own_bars()
    {
        // One partition encoded at a time, so every write after the first reuses the previous one's arrays.
        using var lake = new StoreFixture(new BarStoreOptions { MaxDegreeOfParallelism = 1, MaxConcurrentSyncs = 1 });
        var symbols = Enumerable.Range(0, 5).Select(i => new Symbol("NYSE", $"P{i}")).ToArray();
        foreach (var (symbol, i) in symbols.Select((s, i) => (s, i))) lake.Store.Write([new BarBatch(symbol, Timeframe.Day1, Bars.Daily(20, seed: i))], StoreFixture.Source);

        var reopened = lake.Reopen();
        foreach (var (symbol, i) in symbols.Select((s, i) => (s, i))) Assert.Equal(Bars.Daily(20, seed: i), reopened.Read(symbol, Timeframe.Day1));
    }
}
