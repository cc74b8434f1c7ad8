using ActorTrader.Brokers.Paper;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Tests.Actors;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>
/// A crash between a paper day's work in the paper account and its journal write: the restarted pipeline runs the day
/// again from the journal and the account file, and the day is booked once, its orders placed once, its fills taken once.
/// </summary>
public sealed class PaperCrashTests : PaperTrialTestKit
{
    private readonly FailingJournal _journal;

    public PaperCrashTests() : base(inMemory: false)
    {
        var storage = new MemoryStorage();
        _journal = new FailingJournal(new MemoryJournal(storage));
        Install(new PersistenceStores(_journal, new MemorySnapshotStore(storage), new MemoryJournalQuery(storage)));
    }

    [Fact]
    public async Task A_day_whose_journal_write_failed_is_run_again_after_a_restart_and_booked_once()
    {
        var paper = Paper();
        var promotion = StartPromotion(paper: paper);
        await GoToPaperAsync(promotion);
        RunAfterCloseOf(promotion, Jan(6));
        await RecordedAsync(2);

        _journal.Failing = true;
        Watch(promotion);
        RunAfterCloseOf(promotion, Jan(7));
        await ExpectTerminatedAsync(promotion);
        var afterCrash = await SubmissionsAsync(paper);
        _journal.Failing = false;
        StartPromotion(paper: paper);
        var rerun = await Days.ExpectMsgAsync<PaperDayRecorded>();
        var journaled = await JournaledDaysAsync();
        var afterRestart = await SubmissionsAsync(paper);
        await using var account = new PaperBroker(PaperBrokerSettings.Default(paper.FileOf(Id)), TimeProvider.System);

        Assert.Equal(Jan(7), rerun.Date);
        Assert.Equal([Jan(5), Jan(6), Jan(7)], journaled.Select(d => d.Date));
        Assert.Equal(journaled.Sum(d => d.Fills.Count), account.Executions().Count);
        Assert.Equal((await account.GetAccountAsync()).Equity, rerun.Nav);
        var placedJan7 = afterCrash.Where(s => s.ClientOrderId.StartsWith("20260107-", StringComparison.Ordinal) && s.Outcome == SubmissionOutcome.Accepted).ToList();
        Assert.NotEmpty(placedJan7);
        Assert.Equal(placedJan7.Count, afterRestart.Count(s => s.ClientOrderId.StartsWith("20260107-", StringComparison.Ordinal) && s.Outcome == SubmissionOutcome.Accepted));
        Assert.Equal(placedJan7.Count, afterRestart.Count(s => s.ClientOrderId.StartsWith("20260107-", StringComparison.Ordinal) && s.Outcome == SubmissionOutcome.Duplicate));
        Assert.Equal(placedJan7.Select(s => s.ClientOrderId).Order(), rerun.Orders.Select(o => o.ClientOrderId).Order());
    }

    private static async Task<IReadOnlyList<SubmissionRecord>> SubmissionsAsync(PaperTrialServices paper)
    {
        await using var account = new PaperBroker(PaperBrokerSettings.Default(paper.FileOf(Id)), TimeProvider.System);
        return account.SubmissionLog();
    }

    private async Task<List<PaperDayRecorded>> JournaledDaysAsync()
    {
        var days = new List<PaperDayRecorded>();
        await foreach (var envelope in Persistence.Persistence.Get(Sys).ReadJournal.CurrentEventsByPersistenceId(PromotionActor.PromotionPersistenceId))
        {
            if (envelope.Event is PaperDayRecorded day) days.Add(day);
        }
        return days;
    }
}
