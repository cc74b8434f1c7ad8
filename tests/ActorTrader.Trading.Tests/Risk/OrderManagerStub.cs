using ActorTrader.Actors;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>
/// The risk manager's order manager in the risk tests: answers <see cref="GetOrders"/> from the orders the test recorded
/// (what the real one would have journaled) and passes every other message to a probe, where the test sees the automatic
/// actions and answers them. With <c>answerBook</c> false, <see cref="GetOrders"/> goes to the probe too, so a test can
/// hold the answer back.
/// </summary>
internal sealed class OrderManagerStub : ReceiveActor
{
    public OrderManagerStub(string accountId, IActorRef probe, bool answerBook)
    {
        var book = new List<OrderView>();
        Receive<Record>(record => book.Add(record.Order));
        Receive<GetOrders>(_ => Sender.Tell(new OrdersView(accountId, [.. book]), Self), _ => answerBook);
        ReceiveAny(message => probe.Forward(message));
    }

    public static Props CreateProps(string accountId, IActorRef probe, bool answerBook = true) =>
        Props.Create(() => new OrderManagerStub(accountId, probe, answerBook));

    /// <summary>Puts an order in the stub's book (answered to every later <see cref="GetOrders"/>).</summary>
    public sealed record Record(OrderView Order);
}
