namespace ActorTrader.Research.Promotion.Pipeline.Paper;

// Journaled in the promotion journal (research-promotion), one per paper day of a candidate and at most one per date.
// Registered under stable manifests by ResearchEvents. Symbols, sides and statuses are their wire texts so the evidence
// reads the same whatever the enums become.

/// <summary>
/// Journaled: candidate <see cref="Id"/> ran the session of <see cref="Date"/> (exchange-local) in its paper account. The
/// orders placed at the previous paper day's close filled at this session's open (<see cref="Fills"/>); <see cref="Nav"/>
/// is the account's equity at this session's close, <see cref="Return"/> its change since the previous paper day's NAV
/// (0 on the first day, which holds only cash); <see cref="Orders"/> are what it placed at this close for the next open,
/// computed from bars up to this close only.
/// </summary>
public sealed record PaperDayRecorded(
    string Id,
    DateOnly Date,
    DateTimeOffset Close,
    decimal Nav,
    double Return,
    decimal Cash,
    IReadOnlyList<PaperOrderRecord> Orders,
    IReadOnlyList<PaperFillRecord> Fills,
    DateTimeOffset At);

/// <summary>
/// Journaled: the session of <see cref="Date"/> was not run for candidate <see cref="Id"/> and never will be (its data has no
/// bar for that date although it has later ones); <see cref="Reason"/> says why. It is not counted as a paper day.
/// </summary>
public sealed record PaperDaySkipped(string Id, DateOnly Date, string Reason, DateTimeOffset At);

/// <summary>
/// One order a paper day placed (or tried to): its client order id (<c>yyyyMMdd-EXCHANGE-TICKER</c>, so a day run again
/// places nothing twice), <c>EXCHANGE:TICKER</c>, <c>buy</c>/<c>sell</c>, the quantity, the broker's status
/// (<c>new</c>, <c>filled</c>, <c>rejected</c>, …) and, when refused, the broker's reason.
/// </summary>
public sealed record PaperOrderRecord(string ClientOrderId, string Symbol, string Side, decimal Quantity, string Status, string? Reason = null);

/// <summary>One fill of a paper day, as the paper account recorded it (price with slippage, commission charged).</summary>
public sealed record PaperFillRecord(string ExecutionId, string ClientOrderId, string Symbol, string Side, decimal Quantity, decimal Price, decimal Commission,
    DateTimeOffset Time);
