using System.Text.Json;
using System.Text.Json.Serialization;
using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// The JSON of the evaluation work and its results. Doubles are written round-trip (NaN and infinities by name), so a
/// result read back is bit-identical to the one the worker computed.
/// </summary>
public static class EvaluationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public static string Write(EvaluationWork work) => JsonSerializer.Serialize(work, Options);

    public static string Write(FitnessResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>The work in <paramref name="payload"/>, or <see cref="EvaluationWorkException"/> naming <paramref name="key"/>.</summary>
    public static EvaluationWork ReadWork(string payload, string key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return JsonSerializer.Deserialize<EvaluationWork>(payload, Options)
                ?? throw new EvaluationWorkException($"Evaluation work {key} has an empty payload. Fix: enqueue it with ClusterEvaluationBackend.");
        }
        catch (JsonException e)
        {
            throw new EvaluationWorkException($"Evaluation work {key} is not readable ({e.Message}). Fix: run the same ActorTrader version on every research node.", e);
        }
    }

    /// <summary>The result in <paramref name="json"/>, or <see cref="EvaluationWorkException"/> naming <paramref name="key"/>.</summary>
    public static FitnessResult ReadResult(string json, string key)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<FitnessResult>(json, Options)
                ?? throw new EvaluationWorkException($"The result of evaluation work {key} is empty.");
        }
        catch (JsonException e)
        {
            throw new EvaluationWorkException($"The result of evaluation work {key} is not readable ({e.Message}). Fix: run the same ActorTrader version on every research node.", e);
        }
    }
}
