using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerIdempotencyTests : PaperBrokerTestBase
{
    [Fact]
    public async Task A_second_submit_with_a_used_client_order_id_is_refused_and_the_first_order_stands()
    {
        var broker = Open();
        var first = await Buy(broker, "order-1", Aapl, 10);

        var error = await Assert.ThrowsAsync<BrokerDuplicateClientOrderIdException>(() => Buy(broker, "order-1", Aapl, 20));

        Assert.Equal("order-1", error.ClientOrderId);
        Assert.True(error.IsDefinite);
        var order = Assert.Single(await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.All)));
        Assert.Equal((first.BrokerOrderId, 10m), (order.BrokerOrderId, order.Quantity));
    }

    [Fact]
    public async Task Every_submit_attempt_is_in_the_submission_log_with_its_outcome()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash });
        var first = await Buy(broker, "order-1", Aapl, 10);
        await Assert.ThrowsAsync<BrokerDuplicateClientOrderIdException>(() => Buy(broker, "order-1", Aapl, 10));
        await Assert.ThrowsAsync<BrokerRejectedException>(() => Sell(broker, "order-2", Aapl, 5));

        var log = broker.SubmissionLog();

        Assert.Equal(
            [("order-1", SubmissionOutcome.Accepted, first.BrokerOrderId, null), ("order-1", SubmissionOutcome.Duplicate, first.BrokerOrderId, null),
             ("order-2", SubmissionOutcome.Rejected, null, PaperReasonCodes.NotShortableOnCashAccount)],
            log.Select(r => (r.ClientOrderId, r.Outcome, r.BrokerOrderId, r.ReasonCode)));
        Assert.Equal([1L, 2L, 3L], log.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_duplicate_is_still_refused_after_a_restart()
    {
        var broker = Open();
        await Buy(broker, "order-1", Aapl, 10);
        await broker.DisposeAsync();

        var reopened = Open();

        await Assert.ThrowsAsync<BrokerDuplicateClientOrderIdException>(() => Buy(reopened, "order-1", Aapl, 10));
        Assert.Equal([SubmissionOutcome.Accepted, SubmissionOutcome.Duplicate], reopened.SubmissionLog().Select(r => r.Outcome));
    }

    [Fact]
    public async Task Orders_can_be_found_by_client_order_id()
    {
        var broker = Open();
        var order = await Buy(broker, "order-1", Aapl, 10);

        Assert.Equal(order.BrokerOrderId, (await broker.GetOrderByClientIdAsync("order-1"))!.BrokerOrderId);
        Assert.Null(await broker.GetOrderByClientIdAsync("order-2"));
    }
}
