using ActorTrader.Actors;

namespace ActorTrader.TestKit;

/// <summary>How a <see cref="TestKit"/> builds its system.</summary>
public sealed record TestKitSettings
{
    /// <summary>Install a <see cref="TestScheduler"/>: timers, receive timeouts and ask timeouts follow virtual time.</summary>
    public bool VirtualTime { get; init; }

    /// <summary>Base setup of the system under test (signal handlers are always off in tests).</summary>
    public ActorSystemSetup? Setup { get; init; }

    public string? SystemName { get; init; }

    /// <summary>Default timeout of Expect and Await calls, before dilation.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Multiplies every test timeout, from the environment variable ACTORTRADER_TEST_TIMEFACTOR (default 1),
    /// so slow CI machines get more time without changing tests.
    /// </summary>
    public static double TimeFactor { get; } = ReadTimeFactor();

    private static double ReadTimeFactor()
    {
        var text = Environment.GetEnvironmentVariable("ACTORTRADER_TEST_TIMEFACTOR");
        if (string.IsNullOrWhiteSpace(text)) return 1.0;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor > 0)
            return factor;
        throw new InvalidOperationException($"ACTORTRADER_TEST_TIMEFACTOR=\"{text}\" is not a positive number. Fix: set it to e.g. 2 or 3, or unset it.");
    }
}
