namespace ActorTrader.Hosting.Control;

/// <summary>Whether trading is halted, why, since when and by whom. Fail-closed: when in doubt, halted.</summary>
/// <param name="Halted">True while no orders may be sent.</param>
/// <param name="Reason">Why it was halted (operator text, the HALT file, or an unreadable state file).</param>
/// <param name="Since">When it was halted.</param>
/// <param name="HaltedBy">Who halted it: <c>operator</c>, <c>kill-switch</c> or <c>fail-closed</c>.</param>
public sealed record HaltState(bool Halted, string? Reason, DateTimeOffset? Since, string? HaltedBy)
{
    public const string ByOperator = "operator";
    public const string ByKillSwitch = "kill-switch";
    public const string ByFailClosed = "fail-closed";

    /// <summary>Not halted: trading may run.</summary>
    public static HaltState Active { get; } = new(false, null, null, null);

    public static HaltState HaltedNow(string reason, DateTimeOffset since, string haltedBy) => new(true, reason, since, haltedBy);
}
