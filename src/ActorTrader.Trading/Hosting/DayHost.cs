using ActorTrader.Actors;
using ActorTrader.Trading.Day;

namespace ActorTrader.Trading.Host;

/// <summary>
/// <c>account-&lt;id&gt;/day</c>: keeps the trading day as its child <c>session</c> and forwards everything to it. A replay's
/// day stops by design when its last session is done; the host stays, so the account does not mistake the end of a
/// replay for a failed child, and later requests (an operator's rebalance) get a clear refusal instead of dead letters.
/// </summary>
public sealed class DayHost : ReceiveActor
{
    /// <summary>The trading day's name under the host.</summary>
    public const string SessionName = "session";

    private readonly Props _day;
    private IActorRef? _session;
    private string? _ended;

    public DayHost(Props day)
    {
        _day = day ?? throw new ArgumentNullException(nameof(day));
        Receive<Terminated>(t =>
        {
            _session = null;
            _ended = "the trading day ended (a replay stops after its last session)";
        }, t => t.ActorRef.Equals(_session));
        Receive<RebalanceNow>(command =>
        {
            if (_session is { } session) session.Forward(command);
            else Sender.Tell(new RebalanceRefused($"{_ended ?? "the trading day is not running"}. Fix: start the node again to trade."), Self);
        });
        ReceiveAny(message =>
        {
            if (_session is { } session) session.Forward(message);
        });
    }

    public static Props CreateProps(Props day) => Props.Create(() => new DayHost(day));

    protected override void PreStart()
    {
        _session = Context.ActorOf(_day, SessionName);
        Context.Watch(_session);
    }
}
