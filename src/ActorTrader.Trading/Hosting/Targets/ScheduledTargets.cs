using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>
/// Targets from per-bar sleeve schedules computed once: for each date, every sleeve's row decided at the previous close,
/// scaled by its capital share and netted by the planner. A sleeve whose schedule starts after the date holds cash.
/// Pure: the same schedules and date give the same targets.
/// </summary>
public sealed class ScheduledTargets(IReadOnlyList<SleeveTargetSchedule> sleeves, IMarketCalendar calendar) : ITargetSource
{
    private readonly IReadOnlyList<SleeveTargetSchedule> _sleeves = sleeves is { Count: > 0 } ? sleeves : throw new ArgumentException("At least one sleeve schedule is needed.", nameof(sleeves));
    private readonly IMarketCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public IReadOnlyList<SleeveTargetSchedule> Sleeves => _sleeves;

    /// <summary>True when every sleeve's schedule has a decision before <paramref name="date"/> that is its latest one up to the previous session.</summary>
    public bool Covers(DateOnly date)
    {
        var previous = PreviousSession(date);
        return _sleeves.All(s => s.LastDecision(_calendar) is { } last && last >= previous);
    }

    public RebalanceTargets For(DateOnly date) =>
        RebalanceTargets.Sleeves(_sleeves.Select(s => TargetWeightSet.WithImplicitCash(s.Sleeve, s.CapitalShare, s.WeightsFor(date, _calendar) ?? new Dictionary<Domain.Instruments.Symbol, double>())));

    public Task<RebalanceTargets> TargetsForAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken) => Task.FromResult(For(date));

    private DateOnly PreviousSession(DateOnly date)
    {
        var day = date.AddDays(-1);
        for (var i = 0; i < 40 && _calendar.SessionOn(day) is null; i++) day = day.AddDays(-1);
        return day;
    }
}
