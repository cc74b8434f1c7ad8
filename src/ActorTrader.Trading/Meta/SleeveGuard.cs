using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Runs one sleeve for one meta run: starts the sleeve actor as its only child, sends it <see cref="RunSleeve"/>,
/// and relays exactly one verdict to the meta: the outcome (<see cref="SleeveAnswered"/>) or why there is none
/// (<see cref="SleeveLost"/>), then stops. A sleeve that throws is stopped, not restarted: a second attempt inside
/// the same meta run would write over its own audits. Having one child is what lets the decider name the exception.
/// </summary>
internal sealed class SleeveGuard : ReceiveActor
{
    private const string ChildName = "sleeve";

    private readonly RunId _run;
    private readonly string _sleeve;
    private readonly Props _sleeveProps;
    private readonly RunSleeve _command;
    private readonly IActorRef _meta;
    private readonly SupervisorStrategy _strategy;
    private Exception? _failure;
    private bool _reported;

    public SleeveGuard(RunId run, string sleeve, Props sleeveProps, RunSleeve command, IActorRef meta)
    {
        _run = run;
        _sleeve = sleeve;
        _sleeveProps = sleeveProps;
        _command = command;
        _meta = meta;
        _strategy = new OneForOneStrategy(e =>
        {
            _failure ??= e;
            return Directive.Stop;
        });

        Receive<SleeveOutcome>(outcome => Report(new SleeveAnswered(_run, _sleeve, outcome)));
        Receive<Status.Failure>(failure => Report(new SleeveLost(_run, _sleeve,
            $"sleeve actor replied with a failure: {failure.Cause.GetType().Name}: {failure.Cause.Message}")));
        Receive<Terminated>(_ => Report(new SleeveLost(_run, _sleeve, _failure is { } e
            ? $"sleeve actor threw {Describe(e)} and was stopped (not restarted within a meta run)"
            : "sleeve actor stopped before answering")));
    }

    public static Props CreateProps(RunId run, string sleeve, Props sleeveProps, RunSleeve command, IActorRef meta) =>
        Props.Create(() => new SleeveGuard(run, sleeve, sleeveProps, command, meta));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    protected override void PreStart()
    {
        var child = Context.ActorOf(_sleeveProps, ChildName);
        Context.Watch(child);
        child.Tell(_command, Self);
    }

    private void Report(object verdict)
    {
        if (_reported) return; // one verdict per sleeve: a late Terminated after the answer changes nothing
        _reported = true;
        _meta.Tell(verdict, Self);
        Context.Stop(Self);
    }

    /// <summary>The exception and, for an actor that failed to start, the cause inside it.</summary>
    private static string Describe(Exception e) =>
        e is ActorInitializationException { InnerException: { } inner }
            ? $"while starting: {inner.GetType().Name}: {inner.Message}"
            : $"{e.GetType().Name}: {e.Message}";
}
