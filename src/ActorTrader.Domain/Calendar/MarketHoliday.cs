namespace ActorTrader.Domain.Calendar;

/// <summary>A weekday on which an exchange does not trade, with the reason (e.g. "Good Friday").</summary>
public sealed record MarketHoliday(DateOnly Date, string Name);
