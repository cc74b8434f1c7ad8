namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>A calendar day on a schedule: whether it has a session, and its bar timestamp, open and close in UTC.</summary>
internal readonly record struct DaySession(bool IsSession, bool IsEarlyClose, DateTimeOffset BarTimestamp, DateTimeOffset Open, DateTimeOffset Close);
