namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>The daily returns (in-sample test folds) of a candidate on paper or live: what the correlation penalty compares against.</summary>
public sealed record PromotedSeries(string Id, string Strategy, IReadOnlyList<double> Returns);
