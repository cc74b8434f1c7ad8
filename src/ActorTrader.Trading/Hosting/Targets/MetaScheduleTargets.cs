using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// Targets from the meta-portfolio, point in time: for each date the profile's sleeves are run (through the meta actor,
/// whose sleeves are the node's, <see cref="SleeveProxy"/>) on the data before that date only — up to the previous
/// session's close — and the date's targets are each sleeve's last target row, decided at that close, weighted by its
/// meta-weight (<see cref="ScheduledTargets"/>). So the sleeves' strategy selection, leg weights and the meta-weights of
/// a day never see a later price: a replay refits before every day, as a live node does each morning. A refit is cheap:
/// the sleeves' strategies keep their last decisions (<see cref="ActorTrader.Strategies.Replay.SignalMemo"/>) and evaluate only the
/// bars the previous window did not hold. The fit of the last date asked is kept, so the operator's second rebalance of
/// a day reuses it. A meta run that fails throws with its reasons: no targets, no orders.
/// </summary>
public sealed class MetaScheduleTargets : ITargetSource, IDisposable
{
    private readonly IActorRef _meta;
    private readonly IActorRef _sleeves;
    private readonly string _profile;
    private readonly IMarketCalendar _calendar;
    private readonly TimeSpan _timeout;
    private readonly RunId? _run;
    private readonly SemaphoreSlim _computing = new(1, 1);
    private ScheduledTargets? _targets;
    private DateOnly? _fittedFor;

    /// <param name="meta">The meta-portfolio actor (its sleeve factory must be <see cref="SleeveProxy.Factory"/> over <paramref name="sleeves"/>).</param>
    /// <param name="sleeves">The node's <see cref="SleevesActor"/>.</param>
    /// <param name="profile">The meta profile to run (<c>actortrader.meta.profiles</c>).</param>
    /// <param name="run">Pins the meta run's id (a replay's run directory); null gives each computation a new run.</param>
    public MetaScheduleTargets(IActorRef meta, IActorRef sleeves, string profile, IMarketCalendar calendar, TimeSpan timeout, RunId? run = null)
    {
        _meta = meta ?? throw new ArgumentNullException(nameof(meta));
        _sleeves = sleeves ?? throw new ArgumentNullException(nameof(sleeves));
        ArgumentException.ThrowIfNullOrWhiteSpace(profile);
        _profile = profile;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _timeout = timeout;
        _run = run;
    }

    /// <summary>The last computation's outcome (meta-weights, reasons), or null before the first.</summary>
    public MetaOutcome? LastOutcome { get; private set; }

    /// <summary>How many fits (meta runs) were made, one per date asked.</summary>
    public int Fits { get; private set; }

    /// <summary>Sleeves whose last run used synthetic bars (the live gate refuses a live broker fed by them).</summary>
    public IReadOnlyList<string> SyntheticSleeves { get; private set; } = [];

    public async Task<RebalanceTargets> TargetsForAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken)
    {
        await _computing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only a fit on the data before this very date may give its targets: one made for a later date saw the future.
            if (_targets is null || _fittedFor != date) await ComputeAsync(date, cancellationToken).ConfigureAwait(false);
            return _targets!.For(date);
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();

    /// <summary>Runs the profile over the data before exchange-local <paramref name="date"/> (its start of day, exclusive).</summary>
    private async Task ComputeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        _targets = null;
        _fittedFor = null;
        var to = _calendar.StartOfDayUtc(date);
        var outcome = await _meta.Ask<MetaOutcome>(new RunMeta(_profile, _run, null, to), _timeout, cancellationToken).ConfigureAwait(false);
        LastOutcome = outcome;
        if (!outcome.Succeeded || outcome.RunId is not { } run)
            throw new InvalidOperationException($"Meta profile {_profile} failed, so there are no targets: {string.Join("; ", outcome.Reasons)}. Fix: see {outcome.ReportPath ?? "the meta report"}.");
        var outcomes = await _sleeves.Ask<SleeveOutcomes>(new GetSleeveOutcomes(run), _timeout, cancellationToken).ConfigureAwait(false);
        var schedules = new List<SleeveTargetSchedule>();
        foreach (var (sleeve, weight) in outcome.MetaWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!outcomes.BySleeve.TryGetValue(sleeve, out var sleeveOutcome))
                throw new InvalidOperationException($"Meta run {run.Value} weighted sleeve {sleeve}, but its outcome did not reach /user/trading/sleeves. Fix: run the meta profile {_profile} again.");
            schedules.Add(new SleeveTargetSchedule(sleeve, weight, sleeveOutcome.TargetSchedule));
        }
        SyntheticSleeves = [.. outcomes.BySleeve.Values.Where(o => o.SyntheticData).Select(o => o.Sleeve).Order(StringComparer.Ordinal)];
        _targets = new ScheduledTargets(schedules, _calendar);
        _fittedFor = date;
        Fits++;
    }
}
