using ActorTrader.Actors;
using ActorTrader.Data.Ingestion;

namespace ActorTrader.Cli.Data;

/// <summary>Subscribes to <see cref="IngestionProgress"/> on the event stream and hands each one to the CLI's progress display.</summary>
internal sealed class ProgressRelay : ReceiveActor
{
    public ProgressRelay(string runId, Action<IngestionProgress> onProgress)
    {
        Receive<IngestionProgress>(onProgress, p => p.RunId == runId);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(IngestionProgress));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    public static Props Props(string runId, Action<IngestionProgress> onProgress) => Actors.Props.Create(() => new ProgressRelay(runId, onProgress));
}
