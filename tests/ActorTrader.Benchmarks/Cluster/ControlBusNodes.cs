using System.Diagnostics;
using System.Globalization;
using ActorTrader.Cluster;
using ActorTrader.Cluster.Control;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// Control bus nodes n1..nN on one actor system, each a <see cref="ControlBusListener"/> with its own
/// <see cref="ClusterDatabase"/> and a <see cref="RecordingApplier"/>. The poll interval is 5 s (the node default), so a
/// command that arrives well within it came by LISTEN/NOTIFY.
/// </summary>
internal sealed class ControlBusNodes : IAsyncDisposable
{
    public static readonly ControlBusSettings Settings = new(
        PollInterval: TimeSpan.FromSeconds(5), ApplyTimeout: TimeSpan.FromSeconds(5), ReconnectBackoffMin: TimeSpan.FromSeconds(1), ReconnectBackoffMax: TimeSpan.FromSeconds(30));

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly IReadOnlyList<ClusterDatabase> _nodeDatabases;
    private readonly IReadOnlyList<IActorRef> _listeners;
    private readonly ClusterDatabase _issuerDatabase;
    private readonly ControlLog _log;
    private readonly DeliveryRecorder _recorder;
    private int _round;

    private ControlBusNodes(ActorSystem system, IReadOnlyList<string> nodes, IReadOnlyList<ClusterDatabase> nodeDatabases, IReadOnlyList<IActorRef> listeners, ClusterDatabase issuer, DeliveryRecorder recorder)
    {
        _system = system;
        Nodes = nodes;
        _nodeDatabases = nodeDatabases;
        _listeners = listeners;
        _issuerDatabase = issuer;
        _log = new ControlLog(issuer);
        _recorder = recorder;
    }

    public IReadOnlyList<string> Nodes { get; }

    public static async Task<ControlBusNodes> StartAsync(ClusterBenchmarkDatabase database, int count)
    {
        var system = ActorSystem.Create("cluster-control-bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var recorder = new DeliveryRecorder();
        var nodes = Enumerable.Range(1, count).Select(i => $"n{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        var databases = nodes.Select(_ => database.Open()).ToList();
        var listeners = nodes.Select((node, i) =>
        {
            var applier = system.ActorOf(RecordingApplier.Props(node, recorder), $"applier-{node}");
            return system.ActorOf(ControlBusListener.Props(databases[i], node, applier, Settings), $"control-bus-{node}");
        }).ToList();
        var started = new ControlBusNodes(system, nodes, databases, listeners, database.Open(), recorder);
        await started.AwaitListeningAsync();
        return started;
    }

    /// <summary>
    /// Appends <paramref name="commands"/> commands with <see cref="ControlLog.AppendAsync"/>, <paramref name="spacing"/>
    /// apart, and returns the milliseconds from each append's start to its application on each node.
    /// </summary>
    public async Task<IReadOnlyList<double>> RoundAsync(int commands, TimeSpan spacing)
    {
        var round = ++_round;
        var starts = new Dictionary<long, long>(commands);
        for (var i = 0; i < commands; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var arguments = new Dictionary<string, string> { ["round"] = round.ToString(CultureInfo.InvariantCulture), ["i"] = i.ToString(CultureInfo.InvariantCulture) };
            var appended = await _log.AppendAsync("bench-noop", arguments, "clusterbench", CancellationToken.None);
            starts.Add(appended.Id, start);
            await Task.Delay(spacing);
        }
        await _recorder.AwaitAsync(commands * Nodes.Count, Patience, $"control bus round {round}");
        return _recorder.LatenciesMs(starts, Nodes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners) await listener.GracefulStop(TimeSpan.FromSeconds(10));
        await _system.DisposeAsync();
        foreach (var database in _nodeDatabases) await database.DisposeAsync();
        await _issuerDatabase.DisposeAsync();
        _recorder.Dispose();
    }

    private async Task AwaitListeningAsync()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        foreach (var (listener, node) in _listeners.Zip(Nodes))
        {
            while (!(await listener.Ask<ControlBusState>(GetControlBusState.Instance, Patience)).Listening)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"Control bus node {node} was not listening on {ControlLog.Channel} within {Patience}. Fix: check the PostgreSQL server.");
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }
}
