using System.Text.Json.Serialization;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// One population as <c>research status</c> shows it. <see cref="Generations"/> counts completed generations; the fitness
/// figures are penalised fitness (null before the first generation); evaluations per second are over the run's
/// evaluation time (evaluations ÷ seconds spent waiting for the backend).
/// </summary>
public sealed record PopulationStatus(
    string Strategy,
    string? RunId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PopulationPhase>))] PopulationPhase Phase,
    int Generations,
    double? Best,
    double? Mean,
    double? BestEver,
    long Evaluations,
    double EvaluationsPerSecond,
    int? GenerationLimit,
    string? Regime,
    string? DataFingerprint,
    string? Error)
{
    public static PopulationStatus NotStarted(string strategy) =>
        new(strategy, null, PopulationPhase.NotStarted, 0, null, null, null, 0, 0, null, null, null, null);

    /// <summary>True while the population is loading or evolving.</summary>
    [JsonIgnore]
    public bool IsBusy => Phase is PopulationPhase.Loading or PopulationPhase.Evolving;
}
