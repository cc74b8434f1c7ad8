namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/research/history/{strategy}</c>: the figures of each generation of the strategy's current run and its stagnation events.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="RunId">Its current run; null when it has none (then both lists are empty).</param>
/// <param name="Generations">One per completed generation, in order.</param>
/// <param name="StagnationEvents">Every diversity injection and restart, in order.</param>
public sealed record ResearchHistoryResponse(string Strategy, string? RunId, IReadOnlyList<ResearchGenerationView> Generations, IReadOnlyList<ResearchStagnationView> StagnationEvents);

/// <summary>
/// One generation: penalised fitness figures (-1e9 is the worst fitness), mutation rate and diversity (null when not a
/// finite number), the stagnation verdict after it (<c>none</c>, <c>inject-diversity</c>, <c>restart</c>) and evaluations.
/// </summary>
public sealed record ResearchGenerationView(
    int Generation,
    double? Best,
    double? Mean,
    double? BestOfRun,
    double? MutationRate,
    double? Diversity,
    string Stagnation,
    int Evaluated,
    long Evaluations);

/// <summary>A diversity injection or restart (<paramref name="Event"/>) decided after <paramref name="Generation"/>.</summary>
public sealed record ResearchStagnationView(int Generation, string Event, double? BestOfRun);
