using System.Globalization;

namespace ActorTrader.Research.Discovery;

/// <summary>An indicator series of the close with its window, e.g. <c>sma(50)</c>; <c>close</c> has no window (0).</summary>
public sealed record Indicator : Operand
{
    /// <summary>Smallest window (a volatility or z-score needs two points).</summary>
    public const int MinWindow = 2;

    /// <summary>Largest window: about forty years of daily bars.</summary>
    public const int MaxWindow = 10_000;

    public Indicator(IndicatorKind kind, int window = 0)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown indicator kind.");
        if (kind.HasWindow() && window is < MinWindow or > MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"{kind.Name()} needs a window in [{MinWindow}, {MaxWindow}].");
        if (!kind.HasWindow() && window != 0)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"{kind.Name()} has no window; pass 0.");
        Kind = kind;
        Window = window;
    }

    /// <summary>The close itself.</summary>
    public static Indicator Close { get; } = new(IndicatorKind.Close);

    public IndicatorKind Kind { get; }

    public int Window { get; }

    public IndicatorScale Scale => Kind.Scale();

    public override string ToString() =>
        Kind.HasWindow() ? string.Create(CultureInfo.InvariantCulture, $"{Kind.Name()}({Window})") : Kind.Name();
}
