namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>A population proposes a candidate; answered with <see cref="CandidateRecorded"/> (also when the id is already known).</summary>
public sealed record ProposeCandidate(CandidateProposal Proposal);

/// <summary>The candidate's stage after a proposal; <see cref="New"/> is false when the genome had been proposed before.</summary>
public sealed record CandidateRecorded(string Id, CandidateStage Stage, bool New);

/// <summary>Asks for every candidate; answered with <see cref="CandidateList"/>.</summary>
public sealed record GetCandidates
{
    public static GetCandidates Instance { get; } = new();
}

public sealed record CandidateList(IReadOnlyList<CandidateView> Candidates);

/// <summary>An operator's promotion of <see cref="Id"/> to paper or live; answered with <see cref="PromotionResult"/>.</summary>
public sealed record PromoteCandidate(string Id, CandidateStage Target, string By);

/// <summary>Whether the promotion was done; <see cref="Message"/> says what happened or why it was refused, with the fix.</summary>
public sealed record PromotionResult(bool Accepted, string Message, CandidateView? Candidate, bool UnknownId = false);

/// <summary>Asks for the returns of the candidates on paper or live; answered with <see cref="PromotedReturns"/>.</summary>
public sealed record GetPromotedReturns
{
    public static GetPromotedReturns Instance { get; } = new();
}

/// <summary>The promoted candidates' returns; also published on the event stream whenever the promoted set changes.</summary>
public sealed record PromotedReturns(IReadOnlyList<PromotedSeries> Series);
