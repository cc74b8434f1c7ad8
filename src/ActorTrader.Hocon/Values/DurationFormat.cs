namespace ActorTrader.Hocon.Values;

/// <summary>The HOCON duration format: bare numbers are milliseconds; units are exactly the spec's lowercase list.</summary>
internal static class DurationFormat
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = Build();

    public static bool TryParse(string text, bool isNumber, out TimeSpan duration, out string? problem)
    {
        duration = default;
        if (!isNumber && text.Trim() is "infinite" or "inf")
        {
            // Akka.NET reads "infinite" as an infinite timeout.
            duration = Timeout.InfiniteTimeSpan;
            problem = null;
            return true;
        }

        if (!UnitNumber.TrySplit(text, out var number, out var unit))
        {
            problem = "no leading number";
            return false;
        }

        if (isNumber && unit.Length > 0)
        {
            problem = "not a number";
            return false;
        }

        if (!TicksPerUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var factor))
        {
            problem = $"unknown duration unit '{unit}'; use ns, us, ms, s, m, h or d (or their long names)";
            return false;
        }

        // Compare before multiplying: a huge number times a unit overflows even a decimal.
        if (Math.Abs(number) > long.MaxValue / factor)
        {
            problem = "too large for a TimeSpan";
            return false;
        }

        var ticks = number * factor;

        duration = TimeSpan.FromTicks((long)decimal.Round(ticks, MidpointRounding.AwayFromZero));
        problem = null;
        return true;
    }

    private static Dictionary<string, decimal> Build()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;

        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }
    }
}
