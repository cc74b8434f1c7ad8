namespace ActorTrader.Domain.Bars;

/// <summary>A bar interval, named as Alpaca names it (<c>1Min</c>, <c>1Day</c>).</summary>
public sealed record Timeframe
{
    private Timeframe(string name, TimeSpan duration)
    {
        Name = name;
        Duration = duration;
    }

    public static Timeframe Minute1 { get; } = new("1Min", TimeSpan.FromMinutes(1));

    public static Timeframe Day1 { get; } = new("1Day", TimeSpan.FromDays(1));

    public static IReadOnlyList<Timeframe> All { get; } = [Minute1, Day1];

    public string Name { get; }

    public TimeSpan Duration { get; }

    public static Timeframe Parse(string text) =>
        All.FirstOrDefault(t => string.Equals(t.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"Timeframe \"{text}\" is not supported. Fix: use one of {string.Join(", ", All.Select(t => t.Name))}.");

    public override string ToString() => Name;
}
