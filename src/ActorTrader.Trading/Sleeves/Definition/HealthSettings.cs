namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>Strict health of candidate streams: fewest observations (bars after the strategy's warm-up) a candidate needs.</summary>
public sealed record HealthSettings(int MinObservations)
{
    public static HealthSettings Default { get; } = new(60);
}
