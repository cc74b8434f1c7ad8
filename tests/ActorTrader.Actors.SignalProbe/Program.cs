using ActorTrader.Actors;

// Prints one line per shutdown step so the test can check the order, then exits 0 once terminated.
var system = ActorSystem.Create("signal-probe");
var shutdown = CoordinatedShutdown.Get(system);
foreach (var phase in CoordinatedShutdown.OrderedPhases)
{
    if (phase == CoordinatedShutdown.PhaseActorSystemTerminate) continue;
    shutdown.AddTask(phase, "report", () =>
    {
        Console.WriteLine($"phase {phase}");
        return Task.FromResult(Done.Instance);
    });
}
system.ActorOf(Props.Create(() => new ReportingActor()), "worker");
Console.WriteLine("ready");
await system.WhenTerminated;
Console.WriteLine($"terminated by {shutdown.ShutdownReason}");
return 0;

internal sealed class ReportingActor : ReceiveActor
{
    public ReportingActor() => ReceiveAny(_ => { });

    protected override void PostStop() => Console.WriteLine("actor stopped");
}
