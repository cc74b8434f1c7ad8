namespace ActorTrader.Research.Discovery;

/// <summary>Facts about <see cref="IndicatorKind"/>: text names, scales, whether a window is needed.</summary>
public static class Indicators
{
    /// <summary>Every kind in declaration order.</summary>
    public static IReadOnlyList<IndicatorKind> All { get; } = Enum.GetValues<IndicatorKind>();

    public static string Name(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Close => "close",
        IndicatorKind.Sma => "sma",
        IndicatorKind.Ema => "ema",
        IndicatorKind.Rsi => "rsi",
        IndicatorKind.Return => "ret",
        IndicatorKind.Volatility => "vol",
        IndicatorKind.ZScore => "zscore",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown indicator kind."),
    };

    public static IndicatorScale Scale(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Close or IndicatorKind.Sma or IndicatorKind.Ema => IndicatorScale.Price,
        IndicatorKind.Rsi => IndicatorScale.Oscillator,
        IndicatorKind.Return => IndicatorScale.Return,
        IndicatorKind.Volatility => IndicatorScale.Volatility,
        IndicatorKind.ZScore => IndicatorScale.ZScore,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown indicator kind."),
    };

    /// <summary>False only for <see cref="IndicatorKind.Close"/>.</summary>
    public static bool HasWindow(this IndicatorKind kind) => kind != IndicatorKind.Close;

    /// <summary>The kinds measured in <paramref name="scale"/>, in declaration order.</summary>
    public static IReadOnlyList<IndicatorKind> InScale(IndicatorScale scale) => [.. All.Where(k => k.Scale() == scale)];

    /// <summary>The kind whose text name is <paramref name="name"/>, or null.</summary>
    public static IndicatorKind? FromName(string name) => All.Cast<IndicatorKind?>().FirstOrDefault(k => k!.Value.Name() == name);
}
