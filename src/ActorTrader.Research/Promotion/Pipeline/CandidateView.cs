using System.Text.Json.Serialization;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// A candidate as the CLI shows it: stage, origin, parameters (or discovered rule), in-sample figures, the validation
/// evidence, and the paper period (<see cref="PaperDays"/> elapsed of <see cref="PaperDaysRequired"/>).
/// </summary>
public sealed record CandidateView(
    string Id,
    string Strategy,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CandidateStage>))] CandidateStage Stage,
    string RunId,
    int Generation,
    IReadOnlyDictionary<string, double> Parameters,
    double Fitness,
    double Adjusted,
    double Sharpe,
    ValidationRecord? Validation,
    DateTimeOffset ProposedAt,
    DateTimeOffset? PaperSince,
    int PaperDays,
    int PaperDaysRequired,
    DateTimeOffset? PaperCompletedAt,
    DateTimeOffset? LiveSince)
{
    /// <summary>The discovered rule of a discovery candidate (its parameters are empty); null for parameter genomes.</summary>
    public string? Rule { get; init; }

    /// <summary>The paper record (days, skipped days, NAV, return, Sharpe, maximum drawdown) once the candidate went to paper; null before.</summary>
    public PaperEvidence? Paper { get; init; }
}
