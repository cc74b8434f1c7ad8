using ActorTrader.Domain.Calendar;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// One calendar's sessions over the whole timeline, with the variance budget of each calendar day:
/// a session day carries weight 1, a closed day <c>offSessionWeight</c>, scaled by the regime. Unit variances
/// are normalised so that a year's total is 1 (σ parameters are annual). Prefix sums and per-block totals
/// let a path's drift and block anchors be computed without touching each day.
/// </summary>
internal sealed class SessionSchedule
{
    private readonly DaySession[] _days;
    private readonly double[] _unitVariance;
    private readonly double[] _cumulativeUnitVariance;
    private readonly double[] _cumulativeYears;
    private readonly double[] _blockUnitVariance;

    public SessionSchedule(IMarketCalendar calendar, VolatilityRegimes regimes, int dayCount, double offSessionWeight)
    {
        Calendar = calendar;
        _days = new DaySession[dayCount];
        var isCrypto = ReferenceEquals(calendar, MarketCalendars.Crypto);
        foreach (var session in calendar.Sessions(SyntheticTimeline.Epoch, SyntheticTimeline.DateOf(dayCount - 1)))
        {
            var day = SyntheticTimeline.DayIndex(session.Date);
            var barTimestamp = isCrypto ? session.Open : calendar.StartOfDayUtc(session.Date);
            _days[day] = new DaySession(true, session.IsEarlyClose, barTimestamp, session.Open, session.Close);
        }

        var weights = new double[dayCount];
        var total = 0.0;
        for (var day = 0; day < dayCount; day++)
        {
            weights[day] = _days[day].IsSession ? 1.0 : offSessionWeight;
            total += weights[day];
        }
        var weightPerYear = total / (dayCount / 365.2425);
        SessionsPerYear = _days.Count(d => d.IsSession) / (dayCount / 365.2425);
        SessionScale = 1 / Math.Sqrt(SessionsPerYear);

        _unitVariance = new double[dayCount];
        _cumulativeUnitVariance = new double[dayCount];
        _cumulativeYears = new double[dayCount];
        _blockUnitVariance = new double[((dayCount - 1) / SyntheticTimeline.BlockDays) + 1];
        double cumulativeVariance = 0, cumulativeYears = 0;
        for (var day = 0; day < dayCount; day++)
        {
            var years = weights[day] / weightPerYear;
            var multiplier = regimes.Multiplier(day);
            _unitVariance[day] = years * multiplier * multiplier;
            cumulativeVariance += _unitVariance[day];
            cumulativeYears += years;
            _cumulativeUnitVariance[day] = cumulativeVariance;
            _cumulativeYears[day] = cumulativeYears;
            _blockUnitVariance[day / SyntheticTimeline.BlockDays] += _unitVariance[day];
        }
    }

    public IMarketCalendar Calendar { get; }

    public int DayCount => _days.Length;

    /// <summary>Average sessions per year (≈252 for the NYSE, 365.24 for crypto).</summary>
    public double SessionsPerYear { get; }

    /// <summary>1/√(sessions per year): turns an annual volatility into a per-session one.</summary>
    public double SessionScale { get; }

    public ref readonly DaySession Day(int day) => ref _days[day];

    /// <summary>Variance of a unit-σ path on this day, in years, regime included.</summary>
    public double UnitVariance(int day) => _unitVariance[day];

    /// <summary>Sum of <see cref="UnitVariance"/> from day 0 through <paramref name="day"/>.</summary>
    public double CumulativeUnitVariance(int day) => _cumulativeUnitVariance[day];

    /// <summary>Elapsed time in years (session-weighted) from day 0 through <paramref name="day"/>.</summary>
    public double CumulativeYears(int day) => _cumulativeYears[day];

    public double BlockUnitVariance(int block) => _blockUnitVariance[block];

    /// <summary>The last session day before <paramref name="day"/>, or -1 when there is none on the timeline.</summary>
    public int PreviousSession(int day)
    {
        for (var d = day - 1; d >= 0; d--)
        {
            if (_days[d].IsSession) return d;
        }
        return -1;
    }
}
