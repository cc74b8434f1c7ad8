using System.Text.Json.Serialization;
using ActorTrader.Research.Evolution;

namespace ActorTrader.Research.Actors.Population;

/// <summary>A population's run as <c>research history STRATEGY</c> shows it: figures per generation and the stagnation events.</summary>
public sealed record PopulationHistory(string Strategy, string? RunId, IReadOnlyList<GenerationSummary> Generations, IReadOnlyList<StagnationEvent> StagnationEvents);

/// <summary>A diversity injection or restart, decided after <see cref="Generation"/>.</summary>
public sealed record StagnationEvent(
    int Generation,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StagnationVerdict>))] StagnationVerdict Verdict,
    double BestEver);
