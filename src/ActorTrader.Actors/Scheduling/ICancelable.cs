namespace ActorTrader.Actors;

/// <summary>A handle that cancels something scheduled (Akka's <c>ICancelable</c>).</summary>
public interface ICancelable
{
    void Cancel();

    bool IsCancellationRequested { get; }

    CancellationToken Token { get; }
}
