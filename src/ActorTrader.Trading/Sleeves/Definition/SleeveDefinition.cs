using ActorTrader.Domain.Accounting;
using ActorTrader.Strategies.Availability;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// One sleeve as its file <c>hocon/sleeves/&lt;name&gt;.conf</c> defines it (over <c>actortrader.sleeves.defaults</c> and
/// <c>actortrader.strategies</c>): what it trades, with which strategies, on which account, over which window, and how
/// each pipeline stage is tuned. Produced only by <see cref="SleeveDefinitionReader"/> for a file without problems.
/// </summary>
public sealed record SleeveDefinition(
    string Name,
    string Description,
    string Source,
    AccountKind Account,
    SleeveUniverse Universe,
    SleeveWindow Window,
    IReadOnlyList<SleeveStrategy> Strategies,
    HealthSettings Health,
    SelectionSettings Selection,
    SynthesisSettings Synthesis,
    PreOptimisationSettings PreOptimisation,
    OptimisationSettings Optimisation,
    ValidationSettings Validation)
{
    /// <summary>The strategies that run (enabled in the sleeve, or by default when the sleeve does not say).</summary>
    public IReadOnlyList<SleeveStrategy> EnabledStrategies => [.. Strategies.Where(s => s.Setting.Enabled)];
}
