using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>Synthetic and real bars never share a partition; real providers may follow each other.</summary>
public sealed partial class IngestionActorTests
{
    private static readonly IngestionSettings NeverFresh = Settings with { FreshnessHours = 0 };

    [Fact]
    public async Task A_synthetic_run_is_refused_for_a_partition_of_real_bars_and_writes_nothing()
    {
        await Run(Ingestor(new FakeProvider("csv", isSynthetic: false), NeverFresh), S("SPY"));
        var before = _store.Describe(S("SPY"), Timeframe.Day1);
        var synthetic = new FakeProvider("synthetic", isSynthetic: true);
        var summary = await RunUntil(Ingestor(synthetic, NeverFresh), End.AddDays(14), S("SPY"));
        var rejection = Assert.Single(summary.Rejected);
        Assert.Equal(RejectionKind.MixesSyntheticAndReal, rejection.Kind);
        Assert.StartsWith("NASDAQ:SPY holds real csv bars; synthetic bars are never mixed in. Fix: use a separate lakehouse (actortrader.data.lakehouse-dir)", rejection.Reason, StringComparison.Ordinal);
        Assert.Empty(synthetic.Requests);
        Assert.Equal(before, _store.Describe(S("SPY"), Timeframe.Day1));
    }

    [Fact]
    public async Task A_real_run_is_refused_for_a_partition_of_synthetic_bars()
    {
        await Run(Ingestor(new FakeProvider("synthetic", isSynthetic: true), NeverFresh), S("SPY"));
        var summary = await RunUntil(Ingestor(new FakeProvider("alpaca", isSynthetic: false), NeverFresh), End.AddDays(14), S("SPY"));
        var rejection = Assert.Single(summary.Rejected);
        Assert.Equal(RejectionKind.MixesSyntheticAndReal, rejection.Kind);
        Assert.Contains("holds synthetic synthetic bars; real alpaca bars are never mixed in", rejection.Reason, StringComparison.Ordinal);
        Assert.True(_store.Describe(S("SPY"), Timeframe.Day1)!.IsSynthetic);
    }

    [Fact]
    public async Task A_fresh_partition_of_the_other_kind_is_refused_rather_than_skipped()
    {
        await Run(Ingestor(new FakeProvider("csv", isSynthetic: false)), S("SPY"));
        var summary = await Run(Ingestor(new FakeProvider("synthetic", isSynthetic: true)), S("SPY"));
        Assert.Empty(summary.SkippedFresh);
        Assert.Equal(RejectionKind.MixesSyntheticAndReal, Assert.Single(summary.Rejected).Kind);
    }

    [Fact]
    public async Task Real_providers_may_extend_each_others_partitions()
    {
        await Run(Ingestor(new FakeProvider("csv", isSynthetic: false), NeverFresh), S("SPY"));
        var summary = await RunUntil(Ingestor(new FakeProvider("alpaca", isSynthetic: false), NeverFresh), End.AddDays(14), S("SPY"));
        Assert.Empty(summary.Rejected);
        Assert.Equal(10, summary.BarsWritten);
        Assert.Equal("alpaca", _store.Describe(S("SPY"), Timeframe.Day1)!.Provider);
    }

    [Fact]
    public void The_rejection_names_the_partition_to_delete()
    {
        var stored = new BarPartitionInfo(S("SPY"), Timeframe.Day1, Start, End, 40, 1, 4096, End, "csv", false);
        var rejection = SyntheticSeparation.Check(S("SPY"), stored, new BarWriteSource("synthetic", true, "r1"))!;
        Assert.EndsWith("or delete the partition bars/timeframe=1Day/symbol=NASDAQ_SPY.", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Partitions_of_the_same_kind_are_never_refused()
    {
        var real = new BarPartitionInfo(S("SPY"), Timeframe.Day1, Start, End, 40, 1, 4096, End, "csv", false);
        var synthetic = real with { Provider = "synthetic", IsSynthetic = true };
        Assert.Null(SyntheticSeparation.Check(S("SPY"), real, new BarWriteSource("alpaca", false, "r1")));
        Assert.Null(SyntheticSeparation.Check(S("SPY"), synthetic, new BarWriteSource("synthetic", true, "r1")));
    }
}
