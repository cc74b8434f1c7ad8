namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// The paper account's clock during one paper day: fixed just after the session's close, whatever the node's clock says,
/// so a day run late (catching up, or again after a crash) stamps its orders exactly as it would have on time.
/// </summary>
internal sealed class SessionTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
