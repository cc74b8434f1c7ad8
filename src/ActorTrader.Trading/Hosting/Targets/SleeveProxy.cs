using ActorTrader.Actors;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// What the meta-portfolio starts for a sleeve: instead of a sleeve of its own, a proxy that runs the node's sleeve under
/// <c>/user/trading/sleeves</c>, records its outcome there and relays it to whoever asked (the meta's guard).
/// </summary>
public sealed class SleeveProxy : ReceiveActor
{
    private readonly IActorRef _sleeves;
    private readonly string _sleeve;
    private IActorRef? _requester;

    public SleeveProxy(IActorRef sleeves, string sleeve)
    {
        _sleeves = sleeves;
        _sleeve = sleeve;
        Receive<RunSleeve>(run =>
        {
            _requester = Sender;
            _sleeves.Tell(new RunNamedSleeve(_sleeve, run), Self);
        });
        Receive<SleeveOutcome>(outcome =>
        {
            _sleeves.Tell(new SleeveOutcomeRecorded(outcome), Self);
            _requester?.Tell(outcome, Self);
        });
        Receive<Status.Failure>(failure => _requester?.Tell(failure, Self));
    }

    /// <summary>The meta-portfolio's sleeve factory over the node's sleeves.</summary>
    public static Func<string, Props> Factory(IActorRef sleeves)
    {
        ArgumentNullException.ThrowIfNull(sleeves);
        return name => Props.Create(() => new SleeveProxy(sleeves, name));
    }
}
