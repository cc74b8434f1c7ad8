using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// Targets from the meta-portfolio: the profile's sleeves run once over the data up to a date (through the meta actor,
/// whose sleeves are the node's, <see cref="SleeveProxy"/>), and each sleeve's per-bar target schedule, weighted by its
/// meta-weight, gives the targets of every date up to it (<see cref="ScheduledTargets"/>: the row decided at the previous
/// close). Computed once for a replay (<see cref="PrepareAsync"/> with its last day); a live day whose previous close is
/// not covered yet computes again. The sleeves' windows and the meta-weights are fitted over the whole window they are run
/// on; the signals of each row are point in time. A meta run that fails throws with its reasons: no targets, no orders.
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
    private DateOnly? _through;

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

    /// <summary>Sleeves whose last run used synthetic bars (the live gate refuses a live broker fed by them).</summary>
    public IReadOnlyList<string> SyntheticSleeves { get; private set; } = [];

    /// <summary>Runs the profile over the data before exchange-local <paramref name="through"/>, so every date up to it has targets.</summary>
    public async Task PrepareAsync(DateOnly through, CancellationToken cancellationToken)
    {
        await _computing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ComputeAsync(through, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _computing.Release();
        }
    }

    public async Task<RebalanceTargets> TargetsForAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken)
    {
        await _computing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A date past the last computation (a live day) is computed again once; data that ends earlier is what it is.
            if (_targets is null || (!_targets.Covers(date) && (_through is not { } through || through < date)))
                await ComputeAsync(date, cancellationToken).ConfigureAwait(false);
            return _targets!.For(date);
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();

    private async Task ComputeAsync(DateOnly through, CancellationToken cancellationToken)
    {
        var to = _calendar.StartOfDayUtc(through);
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
        _through = through;
    }
}
