using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Calendar;
using ActorTrader.TestKit;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>
/// A replay refits each sleeve every day on the window that ends before that day, and the sleeve's strategies reuse the
/// decisions the previous day's window already made: the refit must be exactly the fit a fresh sleeve makes.
/// </summary>
public sealed class SleeveRefitTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private static readonly NyseCalendar Nyse = MarketCalendars.Nyse;

    private readonly TempDirectory _temp = SleeveTestFiles.TempRuns();
    private readonly SleeveServices _services;

    public SleeveRefitTests() : base(new TestKitSettings { VirtualTime = true })
    {
        _services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_sleeve_refitted_on_the_next_days_window_gives_the_fit_of_a_fresh_sleeve()
    {
        var definition = SleeveDefinitionReader.ReadFile(Path.Combine(SleeveTestFiles.SleevesDirectory, "trend_short.conf"), SleeveTestFiles.Reference).Require();
        var refitted = Sys.ActorOf(SleeveActor.Props(definition, _services), "refitted");
        var fresh = Sys.ActorOf(SleeveActor.Props(definition, _services), "fresh");
        var monday = Nyse.StartOfDayUtc(new DateOnly(2022, 10, 3));
        var tuesday = Nyse.StartOfDayUtc(new DateOnly(2022, 10, 4));

        refitted.Tell(new RunSleeve(SleeveTestFiles.FixedRun("0a0b01"), null, monday), TestActor);
        Assert.True((await ExpectMsgAsync<SleeveOutcome>(RunTimeout)).Succeeded);
        refitted.Tell(new RunSleeve(SleeveTestFiles.FixedRun("0a0b02"), null, tuesday), TestActor);
        var refit = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        fresh.Tell(new RunSleeve(SleeveTestFiles.FixedRun("0a0b03"), null, tuesday), TestActor);
        var fit = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);

        Assert.True(refit.Succeeded && fit.Succeeded, refit.FailureReason ?? fit.FailureReason);
        Assert.Equal(fit.TargetSchedule.Dates, refit.TargetSchedule.Dates);
        Assert.Equal(fit.TargetSchedule.Symbols, refit.TargetSchedule.Symbols);
        Assert.Equal(fit.TargetSchedule.Weights.Select(r => r.ToArray()), refit.TargetSchedule.Weights.Select(r => r.ToArray()));
        Assert.Equal(fit.Returns, refit.Returns);
        Assert.Equal(fit.AssetWeights, refit.AssetWeights);
        // The fit saw Monday's close, which the earlier window did not hold.
        Assert.Equal(new DateOnly(2022, 10, 3), Nyse.LocalDate(refit.TargetSchedule.Dates[^1]));
    }
}
