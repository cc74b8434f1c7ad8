namespace ActorTrader.Streams;

/// <summary>
/// Backoff for <see cref="RestartSource"/> (Akka.Streams' <c>RestartSettings</c>): the n-th consecutive restart waits
/// minBackoff * 2^n, capped at maxBackoff, plus up to randomFactor of that at random. A run that lasted at least
/// minBackoff resets the exponent. More than MaxRestarts restarts within MaxRestartsWithin gives up.
/// </summary>
public sealed record RestartSettings
{
    private RestartSettings(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxRestartsWithin = minBackoff;
    }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    public int MaxRestarts { get; private init; } = int.MaxValue;

    public TimeSpan MaxRestartsWithin { get; private init; }

    public static RestartSettings Create(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        if (minBackoff <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "The minimum backoff must be positive.");
        if (maxBackoff < minBackoff) throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, $"The maximum backoff must be at least the minimum ({minBackoff}).");
        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "The random factor must be between 0 and 1.");
        return new RestartSettings(minBackoff, maxBackoff, randomFactor);
    }

    /// <summary>Gives up after <paramref name="count"/> restarts within <paramref name="within"/>.</summary>
    public RestartSettings WithMaxRestarts(int count, TimeSpan within)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Max restarts cannot be negative.");
        if (within <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(within), within, "The max-restarts window must be positive.");
        return this with { MaxRestarts = count, MaxRestartsWithin = within };
    }

    internal TimeSpan Backoff(int consecutiveRestarts, double random)
    {
        var exponent = Math.Min(consecutiveRestarts, 30);
        var ticks = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ticks * (1 + RandomFactor * random)));
    }
}
