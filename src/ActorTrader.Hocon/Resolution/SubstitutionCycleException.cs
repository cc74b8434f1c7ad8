namespace ActorTrader.Hocon.Resolution;

/// <summary>A substitution depends on itself; an optional substitution treats this as undefined (spec).</summary>
internal sealed class SubstitutionCycleException(string message, HoconPosition? position, string? token)
    : HoconException(message, position, token);
