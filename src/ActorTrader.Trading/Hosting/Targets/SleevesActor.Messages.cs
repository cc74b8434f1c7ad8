using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>Run sleeve <paramref name="Sleeve"/> (created on first use); the sleeve answers the sender with its <see cref="SleeveOutcome"/>.</summary>
public sealed record RunNamedSleeve(string Sleeve, RunSleeve Command);

/// <summary>A sleeve run ended (told by whoever relayed it): kept as the sleeve's latest outcome.</summary>
public sealed record SleeveOutcomeRecorded(SleeveOutcome Outcome);

/// <summary>Asks for the latest outcome of each sleeve in run <paramref name="Run"/>; replies <see cref="SleeveOutcomes"/>.</summary>
public sealed record GetSleeveOutcomes(RunId Run);

/// <summary>The outcomes of one run, by sleeve name (ordinal).</summary>
public sealed record SleeveOutcomes(IReadOnlyDictionary<string, SleeveOutcome> BySleeve);
