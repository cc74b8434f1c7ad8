namespace ActorTrader.Strategies.Parameters;

/// <summary>
/// One gene of a strategy's genome: name (snake_case, as in HOCON), kind, inclusive bounds and default.
/// Every value is carried as a double: integers are whole numbers, booleans 0 or 1, choices the index into
/// <see cref="Choices"/>.
/// </summary>
public sealed record ParameterRange
{
    public ParameterRange(string name, ParameterKind kind, double min, double max, double @default, string description, IReadOnlyList<string>? choices = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (kind == ParameterKind.Boolean) (min, max) = (0, 1);
        if (kind == ParameterKind.Choice)
        {
            if (choices is not { Count: > 0 }) throw new ArgumentException($"Choice parameter {name} needs at least one choice.", nameof(choices));
            (min, max) = (0, choices.Count - 1);
        }
        if (!(min <= max) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"Parameter {name}: min {min} must be finite and not above max {max}.", nameof(min));
        Name = name;
        Kind = kind;
        Min = min;
        Max = max;
        Default = @default;
        Description = description ?? "";
        Choices = choices ?? [];
        if (Problem(@default) is { } problem) throw new ArgumentException($"Default of {problem}", nameof(@default));
    }

    public string Name { get; }

    public ParameterKind Kind { get; }

    public double Min { get; }

    public double Max { get; }

    public double Default { get; }

    public string Description { get; }

    public IReadOnlyList<string> Choices { get; }

    public static ParameterRange Real(string name, double min, double max, double @default, string description) =>
        new(name, ParameterKind.Real, min, max, @default, description);

    public static ParameterRange WholeNumber(string name, int min, int max, int @default, string description) =>
        new(name, ParameterKind.Whole, min, max, @default, description);

    public static ParameterRange Boolean(string name, bool @default, string description) =>
        new(name, ParameterKind.Boolean, 0, 1, @default ? 1 : 0, description);

    public static ParameterRange Choice(string name, IReadOnlyList<string> choices, string @default, string description)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var index = choices.ToList().IndexOf(@default);
        if (index < 0) throw new ArgumentException($"Default \"{@default}\" of {name} is not one of {string.Join(", ", choices)}.", nameof(@default));
        return new(name, ParameterKind.Choice, 0, choices.Count - 1, index, description, choices);
    }

    /// <summary>Why <paramref name="value"/> is not a valid value of this parameter, or null when it is.</summary>
    public string? Problem(double value)
    {
        if (!double.IsFinite(value)) return $"{Name} is {value}; it must be a finite number.";
        if (value < Min || value > Max) return $"{Name} = {value} is outside its range [{Min}, {Max}].";
        if (Kind != ParameterKind.Real && value != Math.Floor(value)) return $"{Name} = {value} must be a whole number ({Kind}).";
        return null;
    }

    /// <summary>The nearest valid value: clamped into range, rounded for non-real kinds (used by mutation).</summary>
    public double Clamp(double value)
    {
        if (double.IsNaN(value)) return Default;
        var v = Math.Clamp(value, Min, Max);
        return Kind == ParameterKind.Real ? v : Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), Min, Max);
    }
}
