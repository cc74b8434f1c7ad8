using ActorTrader.Actors;

namespace ActorTrader.Trading.Host;

/// <summary>Create a child of <c>/user/trading</c>; replies the child's <see cref="IActorRef"/>.</summary>
public sealed record CreateTradingChild(Props Props, string Name);

/// <summary>
/// <c>/user/trading</c> (role trader): the parent of the account (<c>account-&lt;id&gt;</c>), its gate, the sleeves, the
/// meta-portfolio and a replay's cursor. Children are created on request while the node composes itself; one that
/// throws is restarted (the account and the persistent actors recover from the journal).
/// </summary>
public sealed class TradingRoot : ReceiveActor
{
    public const string Name = "trading";

    public TradingRoot()
    {
        Receive<CreateTradingChild>(create => Sender.Tell(Context.ActorOf(create.Props, create.Name), Self));
    }

    public static Props CreateProps() => Props.Create(() => new TradingRoot());
}
