namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/research/candidates</c>: every promotion candidate, in the order they were proposed.</summary>
public sealed record ResearchCandidatesResponse(IReadOnlyList<ResearchCandidateView> Candidates);

/// <summary>
/// One candidate: its stage (<c>candidate</c>, <c>validated</c>, <c>rejected</c>, <c>paper</c>, <c>live</c>), origin,
/// parameters (by name, in name order), in-sample figures, out-of-sample evidence and its paper period
/// (<paramref name="PaperDays"/> elapsed of <paramref name="PaperDaysRequired"/>).
/// </summary>
public sealed record ResearchCandidateView(
    string Id,
    string Strategy,
    string Stage,
    string RunId,
    int Generation,
    IReadOnlyDictionary<string, double> Parameters,
    double? Fitness,
    double? Adjusted,
    double? Sharpe,
    ResearchValidationView? Validation,
    DateTimeOffset ProposedAt,
    DateTimeOffset? PaperSince,
    int PaperDays,
    int PaperDaysRequired,
    DateTimeOffset? PaperCompletedAt,
    DateTimeOffset? LiveSince);

/// <summary>The out-of-sample validation of a candidate against the incumbent parameters; an undefined statistic is null, <paramref name="Reasons"/> lists each criterion that failed.</summary>
public sealed record ResearchValidationView(
    double? OutOfSampleSharpe,
    double? DeflatedSharpe,
    int Trades,
    int Observations,
    double? IncumbentSharpe,
    double? DieboldMarianoStatistic,
    double? DieboldMarianoPValue,
    double? PairedTStatistic,
    double? PairedPValue,
    bool Passed,
    IReadOnlyList<string> Reasons);
