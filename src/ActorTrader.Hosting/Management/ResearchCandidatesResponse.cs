namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/research/candidates</c>: every promotion candidate, in the order they were proposed.</summary>
public sealed record ResearchCandidatesResponse(IReadOnlyList<ResearchCandidateView> Candidates);

/// <summary>
/// One candidate: its stage (<c>candidate</c>, <c>validated</c>, <c>rejected</c>, <c>paper</c>, <c>live</c>), origin,
/// parameters (by name, in name order), in-sample figures, out-of-sample evidence and its paper period
/// (<paramref name="PaperDays"/> elapsed of <paramref name="PaperDaysRequired"/>) with its paper record
/// (<paramref name="Paper"/>, null before it went to paper). <paramref name="Rule"/> is the entry/exit rule text of a
/// candidate found by rule discovery (null for a parameter candidate).
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
    DateTimeOffset? LiveSince,
    ResearchPaperView? Paper = null,
    string? Rule = null);

/// <summary>
/// The out-of-sample validation of a candidate against the incumbent parameters; an undefined statistic is null,
/// <paramref name="Reasons"/> lists each criterion that failed, <paramref name="Trials"/> is the number of trials the
/// deflated Sharpe was corrected for (0 when not recorded).
/// </summary>
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
    IReadOnlyList<string> Reasons,
    long Trials = 0);

/// <summary>
/// A candidate's paper record: the NAV at the last paper day's close, the return since the first paper day, the annualised
/// Sharpe of the daily returns and the maximum drawdown (shares; null when undefined), every paper day and every session
/// skipped with its reason.
/// </summary>
public sealed record ResearchPaperView(
    decimal? Nav,
    double? Return,
    double? Sharpe,
    double? MaxDrawdown,
    IReadOnlyList<ResearchPaperDayView> Days,
    IReadOnlyList<ResearchPaperSkipView> Skipped);

/// <summary>One paper day: exchange-local date, NAV at the close, return since the previous paper day, orders placed and fills received.</summary>
public sealed record ResearchPaperDayView(DateOnly Date, decimal Nav, double? Return, int Orders, int Fills);

/// <summary>A session not run on paper, and why.</summary>
public sealed record ResearchPaperSkipView(DateOnly Date, string Reason);
