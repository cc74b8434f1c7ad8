using ActorTrader.Research.Randomness;

namespace ActorTrader.Research.Discovery;

/// <summary>The grid random constants of one <see cref="IndicatorScale"/> come from: Min, Min + Step, …, Max.</summary>
public sealed record ConstantRange(double Min, double Max, double Step)
{
    /// <summary>Why this grid is unusable, or null.</summary>
    public string? Problem(string name)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !(Min <= Max)) return $"{name}: min {Min} and max {Max} must be finite with min ≤ max.";
        if (!(Step > 0) || !double.IsFinite(Step)) return $"{name}: step {Step} must be a finite number > 0.";
        if ((Max - Min) / Step > 1_000_000) return $"{name}: more than a million grid points; use a larger step.";
        return null;
    }

    /// <summary>A uniform grid point, rounded to 10 decimals so the text form stays short.</summary>
    public double Draw(ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var count = (int)Math.Floor((Max - Min) / Step + 1e-9);
        return Math.Round(Min + rng.NextInt(count + 1) * Step, 10);
    }
}
