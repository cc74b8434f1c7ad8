using System.Globalization;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Promotion.Statistics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// The promotion pipeline (hocon <c>actortrader.research.promotion</c>): which genomes become candidates, the bar of the
/// out-of-sample validation (<see cref="Validation"/>), and how long a candidate must run on paper before an operator may
/// take it live.
/// </summary>
public sealed record PromotionPipelineSettings
{
    public static PromotionPipelineSettings Default { get; } = new();

    /// <summary>A population proposes its best genome as a candidate only at or above this (penalised) fitness.</summary>
    public double CandidateMinFitness { get; init; } = 1.0;

    /// <summary>
    /// Paper days a candidate must have run in its paper account before <c>research promote ID --to live</c> is accepted:
    /// trading days its paper trial recorded (calendar days on the clock when the pipeline has no paper accounts).
    /// </summary>
    public int PaperDays { get; init; } = 20;

    /// <summary>The candidates' paper accounts and the checks their paper record must pass before live.</summary>
    public PaperTrialSettings Paper { get; init; } = PaperTrialSettings.Default;

    /// <summary>On: a validated candidate goes to paper at once; off: an operator's <c>research promote ID --to paper</c> sends it.</summary>
    public bool AutoPaper { get; init; }

    /// <summary>The out-of-sample criteria (<see cref="PromotionValidator"/>).</summary>
    public PromotionSettings Validation { get; init; } = PromotionSettings.Default;

    /// <summary>Every problem, named by HOCON key (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!double.IsFinite(CandidateMinFitness))
            problems.Add($"candidate-min-fitness is {CandidateMinFitness.ToString(CultureInfo.InvariantCulture)}; it must be a finite number.");
        if (PaperDays < 0) problems.Add(string.Create(CultureInfo.InvariantCulture, $"paper-days is {PaperDays}; it must be 0 or more."));
        problems.AddRange(Paper.Problems());
        try
        {
            Validation.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            problems.Add($"the validation settings are invalid: {e.Message}");
        }
        return problems;
    }
}
