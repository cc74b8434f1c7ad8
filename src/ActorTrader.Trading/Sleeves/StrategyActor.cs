using ActorTrader.Actors;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Replay;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// A sleeve's child for one strategy (<c>sleeve-&lt;name&gt;/strategy-&lt;strategy&gt;/worker</c>, under a
/// <see cref="BackoffSupervisor"/>): aggregates the strategy over the panel it is sent, as a task off the mailbox thread,
/// and answers the sleeve. When aggregation throws it tells the sleeve and then fails itself, so its supervisor restarts
/// it after a growing delay; each (re)start announces itself to the sleeve, which resends the work.
/// </summary>
public sealed class StrategyActor : ReceiveActor
{
    private readonly IStrategy _strategy;
    private readonly IActorRef _sleeve;
    // The last run's decisions: each refit (the replay's daily one) evaluates only the bars the last window did not hold.
    private readonly SignalMemo _memo = new();
    private string? _busyWith;

    public StrategyActor(IStrategy strategy, IActorRef sleeve)
    {
        _strategy = strategy;
        _sleeve = sleeve;
        Receive<ComputeCandidates>(Compute);
        Receive<AggregationFinished>(Finished);
    }

    public static Props Props(IStrategy strategy, IActorRef sleeve)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(sleeve);
        return Actors.Props.Create(() => new StrategyActor(strategy, sleeve));
    }

    protected override void PreStart() => _sleeve.Tell(new StrategyWorkerReady(_strategy.Name), Self);

    private void Compute(ComputeCandidates command)
    {
        if (_busyWith == command.RunKey) return; // the same work twice (a resend racing the first send)
        _busyWith = command.RunKey;
        var strategy = _strategy;
        var memo = _memo;
        // Replaying a strategy over years of bars is CPU work: it runs on the pool, the mailbox stays responsive.
        Task.Run(() => StrategyAggregation.Compute(strategy, command.Parameters, command.Panel, command.Axis, memo))
            .PipeTo(Self, Self,
                result => new AggregationFinished(command.RunKey, result, null),
                error => new AggregationFinished(command.RunKey, null, error));
    }

    private void Finished(AggregationFinished finished)
    {
        _busyWith = null;
        if (finished.Result is { } result)
        {
            _sleeve.Tell(new CandidatesComputed(finished.RunKey, result), Self);
            return;
        }
        var error = finished.Error!;
        _sleeve.Tell(new CandidatesFailed(finished.RunKey, _strategy.Name, SleevePipeline.Describe(error)), Self);
        throw new StrategyFailedException($"Strategy {_strategy.Name} failed to aggregate: {SleevePipeline.Describe(error)}", error);
    }
}
