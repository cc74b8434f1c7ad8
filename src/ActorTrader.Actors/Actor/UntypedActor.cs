namespace ActorTrader.Actors;

/// <summary>An actor with one handler for all messages; call <c>Unhandled(message)</c> for those it ignores.</summary>
public abstract class UntypedActor : ActorBase
{
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    protected abstract void OnReceive(object message);

    protected new void Unhandled(object message) => base.Unhandled(message);
}
