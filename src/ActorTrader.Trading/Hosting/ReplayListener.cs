using ActorTrader.Actors;
using ActorTrader.Trading.Day;

namespace ActorTrader.Trading.Host;

/// <summary>Receives the trading day's <see cref="TradingReplayCompleted"/> and completes a task with it.</summary>
public sealed class ReplayListener : ReceiveActor
{
    public ReplayListener(TaskCompletionSource<TradingReplayCompleted> completed)
    {
        Receive<TradingReplayCompleted>(done =>
        {
            completed.TrySetResult(done);
            Context.Stop(Self);
        });
    }

    public static Props CreateProps(TaskCompletionSource<TradingReplayCompleted> completed) => Props.Create(() => new ReplayListener(completed));
}
