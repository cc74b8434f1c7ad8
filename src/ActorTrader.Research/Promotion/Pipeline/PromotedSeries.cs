namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// The daily returns (in-sample test folds) of a candidate on paper or live: what the correlation penalty compares against.
/// <see cref="Times"/> are the bar times of the returns (null for a candidate journaled without them), so a series from
/// another run's window is aligned on the bars it shares with the genome, not on positions.
/// </summary>
public sealed record PromotedSeries(string Id, string Strategy, IReadOnlyList<double> Returns, IReadOnlyList<DateTimeOffset>? Times = null);
