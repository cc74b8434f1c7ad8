using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Promotion.Pipeline;

// Journaled events of the promotion actor: one per step of a candidate, each with its evidence. Registered under stable
// manifests by ResearchEvents.

/// <summary>
/// Journaled: a population proposed a genome. Its in-sample evidence and the daily returns of its test folds (what the
/// correlation penalty compares later candidates with once this one is promoted) are kept, with their bar times and the
/// number of trials (evaluations of the run) its deflated Sharpe was corrected for. Both were added later: null and 0 in
/// older journals.
/// </summary>
public sealed record CandidateProposed(
    string Id,
    string Strategy,
    string RunId,
    int Generation,
    IReadOnlyDictionary<string, double> Parameters,
    double Fitness,
    double Adjusted,
    double Sharpe,
    double DeflatedSharpe,
    int Trades,
    PinnedWindow Window,
    IReadOnlyList<double> InSampleReturns,
    DateTimeOffset At,
    IReadOnlyList<DateTimeOffset>? InSampleTimes = null,
    long Trials = 0)
{
    /// <summary>The discovered rule (canonical text) of a candidate of the discovery population, whose parameters are empty; null otherwise (added later).</summary>
    public string? Rule { get; init; }
}

/// <summary>Journaled: the candidate passed the out-of-sample validation against the incumbent parameters.</summary>
public sealed record CandidateValidated(string Id, ValidationRecord Evidence, IReadOnlyDictionary<string, double> Incumbent, DateTimeOffset At);

/// <summary>Journaled: the candidate failed the out-of-sample validation; <see cref="ValidationRecord.Reasons"/> says why.</summary>
public sealed record CandidateRejected(string Id, ValidationRecord Evidence, IReadOnlyDictionary<string, double> Incumbent, DateTimeOffset At);

/// <summary>Journaled: the candidate started running in the paper account (by an operator, or automatically).</summary>
public sealed record CandidatePaperStarted(string Id, string By, DateTimeOffset At);

/// <summary>Journaled: the candidate has run on paper for the required days (counted on the node's clock from <see cref="Since"/>).</summary>
public sealed record CandidatePaperCompleted(string Id, int Days, DateTimeOffset Since, DateTimeOffset At);

/// <summary>Journaled: an operator took the candidate live after <see cref="PaperDays"/> days on paper.</summary>
public sealed record CandidateWentLive(string Id, string By, int PaperDays, DateTimeOffset At);
