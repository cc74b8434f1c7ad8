using ActorTrader.Actors;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Marks: volatile prices that value positions; unmarked positions are valued at cost and listed.</summary>
public sealed class LedgerActorMarkTests : LedgerTestKit
{
    [Fact]
    public async Task A_position_without_a_mark_is_valued_at_its_average_cost_and_listed_as_unmarked()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");
        await Book(ledger, Buy(Msft, 2, 400m), "e2");

        ledger.Tell(new MarkPrices([Quote(Aapl, 110m)]), TestActor);
        var view = await ViewOf(ledger);

        Assert.Equal([Msft], view.Unmarked);
        Assert.Equal(110m, Assert.Single(view.Marks, m => m.Key == Aapl).Value);
        Assert.Single(view.Marks);
        Assert.Equal(100m, view.UnrealisedPnl);
        Assert.Equal(10_000m + 100m, view.NetAssetValue);
    }

    [Fact]
    public async Task An_older_quote_does_not_replace_a_newer_mark()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        ledger.Tell(new MarkPrices([Quote(Aapl, 110m, minute: 5)]), TestActor);
        ledger.Tell(new MarkPrices([Quote(Aapl, 90m, minute: 4)]), TestActor);

        Assert.Equal(110m, (await ViewOf(ledger)).Marks[Aapl]);
    }

    [Fact]
    public async Task A_non_positive_quote_is_ignored()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        ledger.Tell(new MarkPrices([Quote(Aapl, 0m)]), TestActor);

        Assert.Equal([Aapl], (await ViewOf(ledger)).Unmarked);
    }

    [Fact]
    public async Task New_marks_publish_the_revalued_ledger()
    {
        var changes = CreateTestProbe();
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");
        Sys.EventStream.Subscribe(changes.Ref, typeof(LedgerChanged));

        ledger.Tell(new MarkPrices([Quote(Aapl, 101m)]), TestActor);

        var changed = await changes.ExpectMsgAsync<LedgerChanged>();
        Assert.Equal(10m, changed.View.UnrealisedPnl);
        Assert.Empty(changed.View.Unmarked);
    }

    [Fact]
    public async Task Marks_are_not_journaled_and_are_gone_after_a_restart()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m), "e1");
        var written = Journal.Written;
        ledger.Tell(new MarkPrices([Quote(Aapl, 101m)]), TestActor);
        await ViewOf(ledger);

        var view = await ViewOf(await RestartAsync(ledger));

        Assert.Equal(written, Journal.Written);
        Assert.Equal([Aapl], view.Unmarked);
        Assert.Equal(0m, view.UnrealisedPnl);
    }
}
