using ActorTrader.Data.Features;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Tests.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Indicators;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Features;

public sealed class FeatureBackfillTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private FeatureBackfillResult Backfill() => new FeatureBackfill(_lake.Store, _lake.Layout).Run();

    private static TechnicalRatingsResult Expected(Bar[] bars) => TechnicalRatings.Compute(new PriceBars(
        bars.Select(b => (double)b.Open).ToArray(), bars.Select(b => (double)b.High).ToArray(), bars.Select(b => (double)b.Low).ToArray(),
        bars.Select(b => (double)b.Close).ToArray(), bars.Select(b => (double)b.Volume).ToArray()));

    [Fact]
    public void Ratings_in_the_matrix_equal_Quant_technical_ratings_computed_directly()
    {
        var bars = Bars.Daily(260, seed: 2);
        _lake.Write(Aapl, bars);

        Backfill();

        var rows = FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix, Aapl);
        var expected = Expected(bars);
        Assert.Equal(bars.Select(b => b.Timestamp), rows.Select(r => r.Timestamp));
        for (var i = 0; i < bars.Length; i++)
        {
            Assert.Equal((double)bars[i].Close, rows[i].Close);
            Assert.Equal(Nullable(expected.All[i]), rows[i].RatingAll);
            Assert.Equal(Nullable(expected.MovingAverages[i]), rows[i].RatingMovingAverages);
            Assert.Equal(Nullable(expected.Oscillators[i]), rows[i].RatingOscillators);
        }

        Assert.NotNull(rows[^1].RatingAll);
    }

    [Fact]
    public void Ratings_during_the_warm_up_are_null()
    {
        _lake.Write(Aapl, Bars.Daily(30));

        Backfill();

        Assert.Null(FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix)[0].RatingOscillators);
    }

    [Fact]
    public void The_matrix_holds_every_symbol_sorted_by_symbol_then_time()
    {
        _lake.Write(Msft, Bars.Daily(40, seed: 4));
        _lake.Write(Aapl, Bars.Daily(50, seed: 5));

        var result = Backfill();

        var rows = FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix);
        Assert.Equal((2, 90L), (result.Symbols, result.Rows));
        Assert.Equal(Enumerable.Repeat(Aapl, 50).Concat(Enumerable.Repeat(Msft, 40)), rows.Select(r => r.Symbol));
        Assert.Equal(40, FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix, Msft).Count);
    }

    [Fact]
    public void Backfilling_an_unchanged_lakehouse_leaves_the_matrix_untouched()
    {
        _lake.Write(Aapl, Bars.Daily(40));
        Backfill();
        var before = File.ReadAllBytes(_lake.Layout.FeaturesMatrix);

        var result = Backfill();

        Assert.False(result.Rewritten);
        Assert.Equal(before, File.ReadAllBytes(_lake.Layout.FeaturesMatrix));
    }

    [Fact]
    public void New_bars_recompute_only_their_symbol_and_carry_the_others_over()
    {
        var aapl = Bars.Daily(80, seed: 6);
        _lake.Write(Aapl, aapl[..60]);
        _lake.Write(Msft, Bars.Daily(70, seed: 7));
        Backfill();
        var msftBefore = FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix, Msft);

        _lake.Write(Aapl, aapl[60..]);
        var result = Backfill();

        Assert.Equal((1, 1, true), (result.Recomputed, result.Reused, result.Rewritten));
        Assert.Equal(msftBefore, FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix, Msft));
        var expected = Expected(aapl);
        Assert.Equal(expected.All.Select(Nullable), FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix, Aapl).Select(r => r.RatingAll));
    }

    [Fact]
    public void A_symbol_whose_bars_cannot_be_rated_is_left_out_with_the_reason()
    {
        _lake.Write(Aapl, Bars.Daily(20));
        _lake.Write(Msft, Bars.At(0) with { High = 5m, Low = 6m });

        var result = Backfill();

        Assert.Contains("high[0]", result.Skipped[Msft], StringComparison.Ordinal);
        Assert.All(FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix), r => Assert.Equal(Aapl, r.Symbol));
    }

    [Fact]
    public void Minute_partitions_are_not_part_of_the_daily_matrix()
    {
        _lake.Store.Write([new BarBatch(Aapl, Timeframe.Minute1, Bars.Daily(10))], Source);

        var result = Backfill();

        Assert.Equal(0, result.Symbols);
        Assert.Empty(FeatureMatrixFile.Read(_lake.Layout.FeaturesMatrix));
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
