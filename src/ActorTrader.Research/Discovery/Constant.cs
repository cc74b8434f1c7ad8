using System.Globalization;

namespace ActorTrader.Research.Discovery;

/// <summary>A finite number a rule compares an indicator with, e.g. the 30 of <c>lt(rsi(14), 30)</c>.</summary>
public sealed record Constant : Operand
{
    public Constant(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A rule constant must be a finite number.");
        Value = value;
    }

    public double Value { get; }

    /// <summary>Shortest round-trip form, invariant culture (parses back to the same double).</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
