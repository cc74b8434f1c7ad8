namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>Jump intensity (per year) and the normal distribution of log jump sizes.</summary>
internal readonly record struct JumpParameters(double PerYear, double Mean, double StandardDeviation);
