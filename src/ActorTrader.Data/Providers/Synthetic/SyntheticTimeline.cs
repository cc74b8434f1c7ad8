using ActorTrader.Domain.Calendar;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// The fixed time axis every synthetic path is defined on: calendar days from <see cref="Epoch"/> (day 0) to
/// <see cref="Horizon"/> (exclusive), grouped into blocks of <see cref="BlockDays"/> days; plus what all
/// symbols share: the volatility regime of each day and the two session schedules (NYSE and 24x7).
/// Built once per provider (tens of milliseconds) and immutable afterwards.
/// </summary>
internal sealed class SyntheticTimeline
{
    public static readonly DateOnly Epoch = new(1970, 1, 1);
    public static readonly DateOnly Horizon = new(2100, 1, 1);
    public const int BlockDays = 128;

    // Variance weight of a calendar day without a session (weekend/holiday news arrives at the next open).
    private const double OffSessionWeight = 0.1;

    public SyntheticTimeline(ulong seed)
    {
        DayCount = Horizon.DayNumber - Epoch.DayNumber;
        Regimes = new VolatilityRegimes(CounterRng.Derive(seed, 0x5E61AE), DayCount);
        Nyse = new SessionSchedule(MarketCalendars.Nyse, Regimes, DayCount, OffSessionWeight);
        Crypto = new SessionSchedule(MarketCalendars.Crypto, Regimes, DayCount, OffSessionWeight);
    }

    public int DayCount { get; }

    public VolatilityRegimes Regimes { get; }

    public SessionSchedule Nyse { get; }

    public SessionSchedule Crypto { get; }

    public static int DayIndex(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly DateOf(int dayIndex) => Epoch.AddDays(dayIndex);
}
