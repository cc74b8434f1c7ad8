namespace ActorTrader.Hosting.Alerts;

/// <summary>A market-data source and how fresh its bars are: the newest bar's time, its age when checked, and whether that age is beyond the threshold.</summary>
public sealed record DataFreshnessView(string Source, DateTimeOffset? LastBarAt, double? AgeSeconds, bool Stale);
