namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// Where a promotion candidate stands. Transitions (<see cref="PromotionBook"/>): Candidate → Validated or Rejected (the
/// out-of-sample validation decides); Validated → Paper (an operator, or auto-paper); Paper → Live (an operator, only
/// after the paper days have passed). Rejected and Live are final.
/// </summary>
public enum CandidateStage
{
    Candidate,
    Validated,
    Rejected,
    Paper,
    Live,
}
