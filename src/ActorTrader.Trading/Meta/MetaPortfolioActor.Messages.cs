using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Asks the meta-portfolio to run profile <paramref name="Profile"/> once: every sleeve runs in parallel, the gates
/// are checked, and the sender gets one <see cref="MetaOutcome"/>. <paramref name="RunId"/> pins the run (null = a new
/// id at the scheduler's time); <paramref name="From"/>/<paramref name="To"/> are passed to every sleeve. A command
/// that arrives while a run is in progress waits for it.
/// </summary>
public sealed record RunMeta(string Profile, RunId? RunId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// How a meta run ended. <see cref="Succeeded"/> is false when the profile is unknown, a gate failed, the sleeves share
/// too few dates or the optimiser refused; <see cref="Reasons"/> then says why, each naming the sleeve or input at fault.
/// <see cref="RunDirectory"/> holds <c>meta_portfolio_report.md</c> whenever a run started, also on failure (null only
/// for an unknown profile). <see cref="MetaWeights"/> (by sleeve), <see cref="AssetWeights"/> and <see cref="TargetWeights"/>
/// are empty on failure. Two signed, flattened weight sets (Σ over sleeves of meta-weight × sleeve weight):
/// <see cref="AssetWeights"/> is the <b>allocation</b> — the sleeves' optimiser weights per leg, whatever is held today;
/// <see cref="TargetWeights"/> is the <b>target</b> — what to hold from the next open given the sleeves' signals at their
/// last close (legs that are flat today count 0; the rest is cash).
/// </summary>
public sealed record MetaOutcome(
    string Profile,
    RunId? RunId,
    string? RunDirectory,
    bool Succeeded,
    IReadOnlyList<string> Reasons,
    MetaGateResult? Completeness,
    MetaGateResult? SignTest,
    IReadOnlyDictionary<string, double> MetaWeights,
    IReadOnlyDictionary<Symbol, double> AssetWeights,
    string? ReportPath)
{
    /// <summary>
    /// The target: Σ over sleeves of meta-weight × <see cref="SleeveOutcome.TargetWeights"/>, per symbol (signed; 0 kept);
    /// empty on failure. Not the allocation: see <see cref="AssetWeights"/>.
    /// </summary>
    public IReadOnlyDictionary<Symbol, double> TargetWeights { get; init; } = new SortedDictionary<Symbol, double>();
}

/// <summary>A sleeve's guard relays the sleeve's answer (internal: from <see cref="SleeveGuard"/> to the meta).</summary>
internal sealed record SleeveAnswered(RunId Run, string Sleeve, SleeveOutcome Outcome);

/// <summary>A sleeve stopped, crashed or refused before answering; <see cref="Reason"/> says which.</summary>
internal sealed record SleeveLost(RunId Run, string Sleeve, string Reason);

/// <summary>The run's sleeve timeout fired: every sleeve without an answer is missing.</summary>
internal sealed record SleeveTimeoutElapsed(RunId Run);

/// <summary>Death watch of a sleeve's guard (delivered instead of <see cref="ActorTrader.Actors.Terminated"/>).</summary>
internal sealed record SleeveGuardStopped(RunId Run, string Sleeve);
