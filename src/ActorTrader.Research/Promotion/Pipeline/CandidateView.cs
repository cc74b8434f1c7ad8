using System.Text.Json.Serialization;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// A candidate as the CLI shows it: stage, origin, parameters, in-sample figures, the validation evidence, and the paper
/// period (<see cref="PaperDays"/> elapsed of <see cref="PaperDaysRequired"/>).
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
    DateTimeOffset? LiveSince);
