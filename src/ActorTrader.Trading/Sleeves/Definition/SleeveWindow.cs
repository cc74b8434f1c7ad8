namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// The bars a sleeve looks at: the last <see cref="LookbackBars"/> bars before <see cref="To"/>, or everything from
/// <see cref="From"/>. Dates are UTC; <see cref="From"/> is inclusive and <see cref="To"/> exclusive (a configured
/// <c>to = 2022-12-28</c> includes that day's bar).
/// </summary>
public sealed record SleeveWindow(int? LookbackBars, DateTimeOffset? From, DateTimeOffset? To);
