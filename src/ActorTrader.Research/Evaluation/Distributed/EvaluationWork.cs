using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// The payload of one genome's evaluation on the research work queue: everything a research node needs to rebuild the
/// evaluator the population uses and score the genome — the strategy (population) name, the genome (parameters by name,
/// or a discovered rule's canonical text), the pinned window with its data fingerprint, and the identity of the evaluator
/// (<see cref="EvaluatorIdentity"/>: its kind and fitness settings).
/// </summary>
/// <param name="Rule">The canonical rule text of a discovery genome; null for a parameter genome.</param>
public sealed record EvaluationWork(string Strategy, IReadOnlyDictionary<string, double> Parameters, string? Rule, PinnedWindow Window, string Evaluator);
