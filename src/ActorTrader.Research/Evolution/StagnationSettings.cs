using System.Globalization;

namespace ActorTrader.Research.Evolution;

/// <summary>
/// When a population counts as stagnant (hocon <c>actortrader.research.stagnation</c>): K generations without an
/// improvement of the best fitness by more than the tolerance inject diversity, 2K restart.
/// </summary>
public sealed record StagnationSettings
{
    public static StagnationSettings Default { get; } = new();

    /// <summary>K: flat generations before diversity injection (2K before a restart).</summary>
    public int Generations { get; init; } = 5;

    /// <summary>The best fitness must rise by more than this (absolute) to count as an improvement.</summary>
    public double Tolerance { get; init; } = 1e-6;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Generations < 1) problems.Add(string.Create(CultureInfo.InvariantCulture, $"generations is {Generations}; it must be at least 1."));
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
            problems.Add($"tolerance is {Tolerance.ToString("R", CultureInfo.InvariantCulture)}; it must be a finite number ≥ 0.");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Stagnation settings are invalid: {string.Join(" ", problems)} Fix them under actortrader.research.stagnation.");
    }
}
