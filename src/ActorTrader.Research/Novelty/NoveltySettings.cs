using System.Globalization;

namespace ActorTrader.Research.Novelty;

/// <summary>
/// The novelty search knobs (hocon <c>actortrader.research.novelty</c>): k nearest neighbours, archive capacity, the
/// novelty weight of the selection score and how many of the most novel genomes enter the archive each generation.
/// </summary>
public sealed record NoveltySettings
{
    public static NoveltySettings Default { get; } = new();

    /// <summary>Neighbours averaged by the novelty score.</summary>
    public int K { get; init; } = 20;

    /// <summary>Behaviours kept in the archive.</summary>
    public int Capacity { get; init; } = 500;

    /// <summary>Share of novelty in the selection score (0 = fitness only, 1 = novelty only).</summary>
    public double Weight { get; init; } = 0.3;

    /// <summary>How many of a generation's most novel behaviours the population offers the archive.</summary>
    public int AddsPerGeneration { get; init; } = 5;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, FormattableString problem)
        {
            if (!ok) problems.Add(problem.ToString(CultureInfo.InvariantCulture));
        }
        Require(K >= 1, $"k is {K}; it must be at least 1.");
        Require(Capacity >= 1, $"capacity is {Capacity}; it must be at least 1.");
        Require(Weight is >= 0 and <= 1, $"weight is {Weight:R}; it must be in [0, 1].");
        Require(AddsPerGeneration >= 0, $"adds-per-generation is {AddsPerGeneration}; it must be at least 0.");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Novelty settings are invalid: {string.Join(" ", problems)} Fix them under actortrader.research.novelty.");
    }
}
