namespace ActorTrader.Actors;

/// <summary>Builds the options of a <see cref="BackoffSupervisor"/> (Akka's <c>Backoff.OnFailure</c>/<c>OnStop</c>).</summary>
public static class Backoff
{
    /// <summary>Restart the child with growing delays when it throws.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Restart the child with growing delays whenever it stops (e.g. a connection that closes).</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);
}

public enum BackoffMode
{
    OnFailure,
    OnStop,
}

public sealed record BackoffOptions
{
    internal BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        if (minBackoff <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "minBackoff must be positive.");
        if (maxBackoff < minBackoff) throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, "maxBackoff must be at least minBackoff.");
        if (randomFactor is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "randomFactor must be between 0 and 1.");
        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetBackoff = minBackoff;
    }

    public BackoffMode Mode { get; }

    public Props ChildProps { get; }

    public string ChildName { get; }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    /// <summary>After the child has run this long without failing, the next restart waits <see cref="MinBackoff"/> again.</summary>
    public TimeSpan ResetBackoff { get; init; }

    /// <summary>Restarts allowed before the supervisor gives up and stops; -1 for unlimited.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>Decides per exception (OnFailure): Restart means restart after the backoff delay.</summary>
    public Func<Exception, Directive> Decider { get; init; } = SupervisorStrategy.DefaultDecider;

    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoff = resetBackoff };

    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    public BackoffOptions WithDecider(Func<Exception, Directive> decider) => this with { Decider = decider };

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based): min × 2^n, capped, plus jitter.</summary>
    public TimeSpan DelayFor(int restartCount, double random01)
    {
        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(restartCount, 30));
        var capped = Math.Min(MaxBackoff.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (1.0 + random01 * RandomFactor));
    }
}
