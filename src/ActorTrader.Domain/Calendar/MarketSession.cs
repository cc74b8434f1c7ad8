namespace ActorTrader.Domain.Calendar;

/// <summary>One trading session: its exchange-local date and its open and close in UTC.</summary>
public sealed record MarketSession(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close, bool IsEarlyClose);
