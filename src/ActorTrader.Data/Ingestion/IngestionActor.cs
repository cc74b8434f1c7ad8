using ActorTrader.Actors;
using ActorTrader.Streams;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Owns one ingestion stream at a time. <see cref="StartIngestion"/> materialises an <see cref="IngestionPipeline"/>;
/// progress is published on the event stream as <see cref="IngestionProgress"/>; when the stream completes the
/// requester gets <see cref="IngestionCompleted"/> with the summary. A second start while running is refused, not queued,
/// so two runs never write the same partitions at once.
/// </summary>
public sealed class IngestionActor : ReceiveActor
{
    private readonly IngestionPipeline _pipeline;
    private readonly IMaterializer _materializer;
    private UniqueKillSwitch? _killSwitch;
    private string _runId = "";

    public IngestionActor(IngestionDependencies dependencies, IMaterializer materializer)
    {
        _pipeline = new IngestionPipeline(dependencies);
        _materializer = materializer;
        Idle();
    }

    public static Props Props(IngestionDependencies dependencies, IMaterializer materializer) =>
        Actors.Props.Create(() => new IngestionActor(dependencies, materializer));

    private void Idle()
    {
        Receive<StartIngestion>(start =>
        {
            var requester = Sender;
            var self = Self;
            var events = Context.System.EventStream;
            try
            {
                var (killSwitch, summary) = _pipeline.Run(start.Request, _materializer, events.Publish);
                _killSwitch = killSwitch;
                _runId = start.Request.RunId;
                summary.PipeTo(self, success: s => new RunEnded(s, null, requester), failure: e => new RunEnded(null, e, requester));
                Become(Running);
            }
            catch (ArgumentException e)
            {
                requester.Tell(new IngestionRefused(start.Request.RunId, e.Message));
            }
        });
        Receive<StopIngestion>(_ => { });
    }

    private void Running()
    {
        Receive<StartIngestion>(start => Sender.Tell(new IngestionRefused(start.Request.RunId, $"ingestion run {_runId} is still running; start the next one when it completes")));
        Receive<StopIngestion>(_ => _killSwitch?.Shutdown());
        Receive<RunEnded>(ended =>
        {
            _killSwitch = null;
            if (ended.Summary is { } summary) ended.Requester.Tell(new IngestionCompleted(summary));
            else ended.Requester.Tell(new IngestionRefused(_runId, $"the ingestion stream failed: {ended.Error!.GetType().Name}: {ended.Error.Message}"));
            Become(Idle);
        });
    }

    private sealed record RunEnded(IngestionSummary? Summary, Exception? Error, IActorRef Requester);
}
