using System.Diagnostics;
using ActorTrader.Cluster.Control;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>A node's control-command applier that does nothing but note the arrival time and acknowledge at once.</summary>
internal sealed class RecordingApplier : ReceiveActor
{
    public RecordingApplier(string node, DeliveryRecorder recorder)
    {
        Receive<ApplyControlCommand>(apply =>
        {
            recorder.Record(node, apply.Command.Id, Stopwatch.GetTimestamp());
            Sender.Tell(new ControlCommandApplied(apply.Command.Id), Self);
        });
    }

    public static Props Props(string node, DeliveryRecorder recorder) => ActorTrader.Actors.Props.Create(() => new RecordingApplier(node, recorder));
}
