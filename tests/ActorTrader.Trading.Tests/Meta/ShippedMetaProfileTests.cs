using ActorTrader.Data.Runs;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Tests.Sleeves;

namespace ActorTrader.Trading.Tests.Meta;

/// <summary>
/// The shipped configuration end to end: the reference <c>default</c> profile over the real sleeve files and actors on
/// the bundled samples passes both gates — what <c>actortrader meta run default</c> does on a fresh clone.
/// </summary>
public sealed class ShippedMetaProfileTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _runs = SleeveTestFiles.TempRuns();

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task The_default_profile_passes_with_the_shipped_sleeves_and_flattens_their_weights()
    {
        var settings = MetaSettings.FromConfig(SleeveTestFiles.Reference);
        var artifacts = new RunArtifacts(_runs.Path);
        var services = new SleeveServices(SleeveTestFiles.EmbeddedData(), artifacts);
        var sleeves = new SleeveFiles(SleeveTestFiles.SleevesDirectory, SleeveTestFiles.Reference).PropsFactory(services);
        var meta = Sys.ActorOf(MetaPortfolioActor.CreateProps(settings, artifacts, sleeves), MetaPortfolioActor.Name);

        meta.Tell(new RunMeta("default", SleeveTestFiles.FixedRun()), TestActor);
        var outcome = await ExpectMsgAsync<MetaOutcome>(RunTimeout);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Reasons));
        Assert.Equal(["core_equity", "trend_short"], outcome.MetaWeights.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1.0, outcome.MetaWeights.Values.Sum(), 9);
        Assert.All(outcome.MetaWeights.Values, w => Assert.True(w > 0));
        // core_equity is long only and trend_short short only, so the book holds both signs.
        Assert.Contains(outcome.AssetWeights.Values, w => w > 0);
        Assert.Contains(outcome.AssetWeights.Values, w => w < 0);
        var report = File.ReadAllText(outcome.ReportPath!);
        Assert.Contains("PASS", report, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", report, StringComparison.Ordinal);
    }
}
