using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Node.Cluster.Sleeves;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Node.Tests.Cluster;

public sealed class SleeveOutcomeJsonTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NYSE:AAPL");
    private static readonly Symbol Xom = Symbol.Parse("NYSE:XOM");
    private static readonly Symbol Btc = Symbol.Parse("CRYPTO:BTC/USD");

    internal static SleeveOutcome Full(string sleeve = "crash_replay") => new(
        sleeve,
        RunId.Create(new DateTimeOffset(2022, 9, 15, 20, 0, 0, TimeSpan.Zero), "3f9a1c"),
        "/data/runs/20220915T200000Z-3f9a1c/sleeves/" + sleeve,
        true,
        null,
        null,
        [new DateTimeOffset(2022, 9, 13, 20, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 9, 14, 16, 0, 0, TimeSpan.FromHours(-4)).AddTicks(1234567)],
        [0.1 + 0.2, double.NaN],
        new Dictionary<Symbol, double> { [Xom] = -0.25, [Aapl] = 1.0 / 3.0, [Btc] = double.PositiveInfinity },
        false,
        ["NYSE:PFE (NaN returns)"])
    {
        TargetWeights = new SortedDictionary<Symbol, double> { [Aapl] = 0.5, [Xom] = double.NegativeInfinity, [Btc] = -0.0 },
        TargetSchedule = new SleeveSchedule(
            [new DateTimeOffset(2022, 9, 12, 20, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 9, 13, 20, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 9, 14, 20, 0, 0, TimeSpan.Zero)],
            [Aapl, Xom],
            [[0.5, -0.5], [double.NaN, 1e-300], [0.30000000000000004, 0]]),
        SignTestRan = true,
        DegradedStrategies = ["mean_reversion"],
        DataSource = "csv",
        SyntheticData = true,
    };

    [Fact]
    public void A_full_outcome_comes_back_equal_field_by_field()
    {
        var sent = Full();

        var back = SleeveOutcomeJson.Deserialize(SleeveOutcomeJson.Serialize(sent));

        AssertSame(sent, back);
    }

    [Fact]
    public void A_failed_outcome_without_run_id_or_schedule_comes_back_equal()
    {
        var sent = new SleeveOutcome("s", default, "", false, "aggregation", "no bars", [], [], new Dictionary<Symbol, double>(), true, []);

        var back = SleeveOutcomeJson.Deserialize(SleeveOutcomeJson.Serialize(sent));

        Assert.Null(back.RunId.Value);
        AssertSame(sent, back);
    }

    [Fact]
    public void Weights_keep_the_senders_order()
    {
        var back = SleeveOutcomeJson.Deserialize(SleeveOutcomeJson.Serialize(Full()));

        Assert.Equal([Xom, Aapl, Btc], back.AssetWeights.Keys);
        Assert.Equal([Btc, Aapl, Xom], back.TargetWeights.Keys);
    }

    [Fact]
    public void A_run_result_carries_the_run_directorys_files()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { ["weights.json"] = [1, 2, 3], ["tearsheet/a.svg"] = [0, 255] };
        var sent = new SleeveRunResult(Full(), files);

        var back = SleeveRunResult.FromJson(sent.ToJson());

        AssertSame(sent.Outcome, back.Outcome);
        Assert.Equal(files.Keys, back.Files!.Keys);
        Assert.All(files, f => Assert.Equal(f.Value, back.Files[f.Key]));
    }

    [Fact]
    public void A_run_request_comes_back_equal_with_the_same_key()
    {
        var sent = new SleeveRunRequest("crash_replay", RunId.Create(DateTimeOffset.UnixEpoch, "abcdef"), new DateTimeOffset(2022, 1, 3, 0, 0, 0, TimeSpan.Zero), null);

        var back = SleeveRunRequest.FromJson(sent.ToJson());

        Assert.Equal(sent, back);
        Assert.Equal("19700101T000000Z-abcdef/crash_replay/20220103T000000.0000000Z/-", back.Key);
    }

    [Fact]
    public void A_result_file_outside_the_run_directory_is_refused()
    {
        var result = new SleeveRunResult(Full(), new Dictionary<string, byte[]> { ["../escape.txt"] = [1] });
        var directory = Path.Combine(Path.GetTempPath(), "sleeve-json-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FormatException>(() => result.WriteFiles(directory));

        Assert.Contains("../escape.txt", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(directory, "../escape.txt"))));
    }

    internal static void AssertSame(SleeveOutcome expected, SleeveOutcome actual)
    {
        Assert.Equal(expected.Sleeve, actual.Sleeve);
        Assert.Equal(expected.RunId, actual.RunId);
        Assert.Equal(expected.RunDirectory, actual.RunDirectory);
        Assert.Equal(expected.Succeeded, actual.Succeeded);
        Assert.Equal(expected.FailureStage, actual.FailureStage);
        Assert.Equal(expected.FailureReason, actual.FailureReason);
        AssertTimes(expected.Dates, actual.Dates);
        AssertBits(expected.Returns, actual.Returns);
        AssertWeights(expected.AssetWeights, actual.AssetWeights);
        Assert.Equal(expected.SignTestPassed, actual.SignTestPassed);
        Assert.Equal(expected.Excluded, actual.Excluded);
        AssertWeights(expected.TargetWeights, actual.TargetWeights);
        AssertTimes(expected.TargetSchedule.Dates, actual.TargetSchedule.Dates);
        Assert.Equal(expected.TargetSchedule.Symbols, actual.TargetSchedule.Symbols);
        Assert.Equal(expected.TargetSchedule.Weights.Count, actual.TargetSchedule.Weights.Count);
        for (var i = 0; i < expected.TargetSchedule.Weights.Count; i++) AssertBits(expected.TargetSchedule.Weights[i], actual.TargetSchedule.Weights[i]);
        Assert.Equal(expected.SignTestRan, actual.SignTestRan);
        Assert.Equal(expected.DegradedStrategies, actual.DegradedStrategies);
        Assert.Equal(expected.DataSource, actual.DataSource);
        Assert.Equal(expected.SyntheticData, actual.SyntheticData);
    }

    // Same instant is not enough: the offset and every tick must survive.
    private static void AssertTimes(IReadOnlyList<DateTimeOffset> expected, IReadOnlyList<DateTimeOffset> actual) =>
        Assert.Equal(expected.Select(d => (d.Ticks, d.Offset)), actual.Select(d => (d.Ticks, d.Offset)));

    // Bit patterns: NaN equals NaN, and -0.0 differs from 0.0.
    private static void AssertBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual) =>
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));

    private static void AssertWeights(IReadOnlyDictionary<Symbol, double> expected, IReadOnlyDictionary<Symbol, double> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        AssertBits([.. expected.Values], [.. actual.Values]);
    }
}
