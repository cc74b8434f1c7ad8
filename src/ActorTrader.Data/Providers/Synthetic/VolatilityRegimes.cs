namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// A two-state (calm / stressed) Markov chain over calendar days, shared by every symbol of a seed, so that
/// stress hits the whole market at once. Run once from the epoch when the timeline is built; each day's
/// switch decision is a counter draw keyed by the day, so the chain is a pure function of (seed, day).
/// </summary>
internal sealed class VolatilityRegimes
{
    // Calm spells last ~400 days on average, stressed ones ~40 (≈9% of days stressed).
    private const double CalmToStressed = 1.0 / 400;
    private const double StressedToCalm = 1.0 / 40;
    private const double CalmMultiplier = 0.85;
    private const double StressedMultiplier = 2.2;
    private static readonly double StressedVolumeFactor = Math.Sqrt(StressedMultiplier / CalmMultiplier);

    private readonly bool[] _stressed;

    public VolatilityRegimes(ulong key, int dayCount)
    {
        _stressed = new bool[dayCount];
        var stressed = false;
        for (var day = 0; day < dayCount; day++)
        {
            var u = CounterRng.Uniform(key, day);
            stressed = stressed ? u >= StressedToCalm : u < CalmToStressed;
            _stressed[day] = stressed;
        }
    }

    public bool IsStressed(int day) => _stressed[day];

    /// <summary>How much more volume trades on this day than on a calm day.</summary>
    public double VolumeFactor(int day) => _stressed[day] ? StressedVolumeFactor : 1.0;

    /// <summary>The factor that scales every volatility on this day.</summary>
    public double Multiplier(int day) => _stressed[day] ? StressedMultiplier : CalmMultiplier;
}
