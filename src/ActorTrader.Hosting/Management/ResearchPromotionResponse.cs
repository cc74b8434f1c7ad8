namespace ActorTrader.Hosting.Management;

/// <summary>Answer to <c>POST /api/research/promote</c>: whether the promotion was done (409 when refused), why, and the candidate after it.</summary>
/// <param name="Accepted">False when the pipeline refused (e.g. live before the paper days passed).</param>
/// <param name="Message">What happened or why it was refused, with the fix.</param>
/// <param name="Candidate">The candidate as it stands now.</param>
public sealed record ResearchPromotionResponse(bool Accepted, string Message, ResearchCandidateView? Candidate);
