using System.Security.Cryptography;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerStateFileTests : PaperBrokerTestBase
{
    [Fact]
    public async Task A_reopened_account_is_identical_and_its_open_orders_still_fill()
    {
        var broker = Open(s => s with { MaxParticipation = 0.1m });
        await Trade(broker, Clock);
        var before = broker.DumpState();
        await broker.DisposeAsync();

        var reopened = Open(s => s with { MaxParticipation = 0.1m });

        Assert.Equal(before, reopened.DumpState());
        var open = Assert.Single(await reopened.GetOrdersAsync(new OrderQuery()));
        var fill = Assert.Single(await Publish(reopened, Quote(Msft, 300m, Tuesday(14, 40))));
        Assert.Equal((TradeUpdateEvent.Fill, open.BrokerOrderId, "paper-fill-5"), (fill.Event, fill.Order.BrokerOrderId, fill.ExecutionId));
    }

    [Fact]
    public async Task The_same_calls_and_quotes_give_identical_state()
    {
        var firstClock = new TestClock(Monday(14, 35));
        var secondClock = new TestClock(Monday(14, 35));
        var first = Open(new PaperBrokerSettings { StateFile = Path.Combine(Directory, "first.db"), MaxParticipation = 0.1m }, firstClock);
        var second = Open(new PaperBrokerSettings { StateFile = Path.Combine(Directory, "second.db"), MaxParticipation = 0.1m }, secondClock);

        await Trade(first, firstClock);
        await Trade(second, secondClock);

        Assert.Equal(first.DumpState(), second.DumpState());
        Assert.Contains("execution paper-fill-3", first.DumpState(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_write_leaves_memory_as_the_file_is()
    {
        var broker = Open();
        await Buy(broker, "order-1", Aapl, 10);
        File.Delete(StateFile);

        var error = await Assert.ThrowsAsync<PaperBrokerStateException>(() => Buy(broker, "order-2", Aapl, 10));

        Assert.Contains(StateFile, error.Message, StringComparison.Ordinal);
        Assert.Equal(["order-1"], (await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.All))).Select(o => o.ClientOrderId));
        Assert.Single(broker.SubmissionLog());
    }

    [Fact]
    public async Task A_file_that_is_not_sqlite_is_refused_naming_it_and_left_unchanged()
    {
        await File.WriteAllTextAsync(StateFile, "this is a trading journal, not a database\n");
        var before = Hash(StateFile);

        var error = Assert.Throws<PaperBrokerStateException>(() => Open());

        Assert.Contains(StateFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(StateFile));
        Assert.False(error.InUse);
    }

    [Fact]
    public async Task Another_applications_database_is_refused_and_left_unchanged()
    {
        await using (var connection = new SqliteConnection($"Data Source={StateFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE journal (id INTEGER PRIMARY KEY, payload BLOB); INSERT INTO journal (payload) VALUES (x'01');";
            command.ExecuteNonQuery();
        }
        var before = Hash(StateFile);

        var error = Assert.Throws<PaperBrokerStateException>(() => Open());

        Assert.Contains("not a paper account", error.Message, StringComparison.Ordinal);
        Assert.Contains("journal", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(StateFile));
    }

    [Fact]
    public async Task A_corrupt_paper_account_is_refused_and_left_unchanged()
    {
        var broker = Open();
        await Buy(broker, "order-1", Aapl, 10);
        await broker.DisposeAsync();
        var bytes = await File.ReadAllBytesAsync(StateFile);
        for (var i = 4096; i < bytes.Length; i++) bytes[i] = 0x5A;
        await File.WriteAllBytesAsync(StateFile, bytes);
        var before = Hash(StateFile);

        var error = Assert.Throws<PaperBrokerStateException>(() => Open());

        Assert.Contains(StateFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(StateFile));
    }

    [Fact]
    public void A_second_broker_on_the_same_file_is_refused_while_the_first_is_open()
    {
        Open();

        var error = Assert.Throws<PaperBrokerStateException>(() => Open());

        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
        Assert.True(error.InUse);
    }

    [Fact]
    public async Task An_account_keeps_the_kind_it_was_created_with()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Margin });
        await broker.DisposeAsync();

        var error = Assert.Throws<PaperBrokerStateException>(() => Open(s => s with { AccountKind = AccountKind.Cash }));

        Assert.Contains("account-kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initial_cash_applies_only_to_a_new_file()
    {
        var broker = Open(s => s with { InitialCash = 5_000m });
        await broker.DisposeAsync();

        var reopened = Open(s => s with { InitialCash = 1_000_000m });

        Assert.Equal(5_000m, (await reopened.GetAccountAsync()).Cash);
    }

    [Fact]
    public void A_relative_state_file_lives_in_a_directory_created_for_it()
    {
        var nested = Path.Combine(Directory, "data", "paper-broker.db");

        var broker = Open(new PaperBrokerSettings { StateFile = nested }, Clock);

        Assert.Equal(nested, broker.StateFile);
        Assert.True(File.Exists(nested));
    }

    // Fills, a partial fill, a duplicate, a rejection, an expiry, a cancel, a replacement and a close: every kind of change.
    private static async Task Trade(PaperBroker broker, TestClock clock)
    {
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));
        await Buy(broker, "buy-aapl", Aapl, 100, TimeInForce.Gtc);
        await Assert.ThrowsAsync<BrokerDuplicateClientOrderIdException>(() => Buy(broker, "buy-aapl", Aapl, 100));
        await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "too-big", Aapl, 1_000_000));
        await broker.SubmitOrderAsync(OrderRequest.Limit("limit-msft", Msft, OrderSide.Buy, 5, 250m));
        var cancel = await broker.SubmitOrderAsync(OrderRequest.Limit("cancel-me", Msft, OrderSide.Sell, 5, 400m, TimeInForce.Gtc));
        await broker.CancelOrderAsync(cancel.BrokerOrderId);
        await Buy(broker, "buy-msft", Msft, 2);
        await Publish(broker, Quote(Aapl, 101.37m, Monday(14, 40), volume: 600), Quote(Msft, 300m, Monday(14, 41)));
        await Publish(broker, Quote(Aapl, 99.91m, Monday(15, 2), volume: 10_000));
        clock.Set(Monday(20, 0));
        await broker.ClosePositionAsync(Aapl, 40m);
        await Publish(broker, Quote(Aapl, 103.3m, Monday(20, 30)));
        var gtc = await broker.SubmitOrderAsync(OrderRequest.Limit("gtc-msft", Msft, OrderSide.Buy, 3, 290m, TimeInForce.Gtc));
        await broker.ReplaceOrderAsync(gtc.BrokerOrderId, new OrderReplacement(LimitPrice: 301m));
        clock.Set(Monday(21, 0));
        await broker.ExpireDayOrdersAsync();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
