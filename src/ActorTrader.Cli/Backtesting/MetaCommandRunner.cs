using System.Text.Json;
using ActorTrader.Actors;
using ActorTrader.Trading.Meta;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// <c>actortrader meta run PROFILE</c>: the <see cref="MetaPortfolioActor"/> in a local actor system, with the sleeves of
/// <c>actortrader.sleeves.dir</c> as its sleeve factory (the same actors a node runs), asked once for the profile. Prints
/// PASS or FAIL with every reason and the report path. Exit 0 on PASS, 1 on FAIL (the run directory still holds
/// <c>meta_portfolio_report.md</c>), 2 for an unknown profile (naming the closest one).
/// </summary>
internal sealed class MetaCommandRunner(CliContext context)
{
    /// <param name="window">--from/--to passed to every sleeve (null: each sleeve's own window).</param>
    public async Task<int> RunAsync(string? configFile, string profileName, (DateTimeOffset? From, DateTimeOffset? To) window, bool json, CancellationToken cancellationToken)
    {
        var environment = ResearchEnvironment.Load(context, configFile);
        var meta = environment.Meta();
        if (!meta.TryGetProfile(profileName.Trim(), out var profile, out var error)) throw new CliException(ExitCodes.Usage, error);
        var sleeves = environment.SleeveFiles().PropsFactory(SleeveHost.Services(environment, TimeProvider.System));
        MetaOutcome outcome;
        await using (var system = ActorSystem.Create("actortrader-cli", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false }))
        {
            var actor = system.ActorOf(MetaPortfolioActor.CreateProps(meta, environment.Runs, sleeves), MetaPortfolioActor.Name);
            outcome = (MetaOutcome)await actor.Ask(new RunMeta(profile.Name, null, window.From, window.To), timeout: null, cancellationToken).ConfigureAwait(false);
        }
        if (json) await context.Out.WriteLineAsync(Json(outcome)).ConfigureAwait(false);
        else foreach (var line in Lines(outcome)) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
        return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Problems;
    }

    public static IEnumerable<string> Lines(MetaOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        yield return $"Meta profile {o.Profile}: {(o.Succeeded ? "PASS" : "FAIL")}";
        if (o.RunId is { } run) yield return $"  run {run.Value}, directory {o.RunDirectory}";
        if (o.Reasons.Count > 0)
        {
            yield return "  why:";
            foreach (var reason in o.Reasons) yield return $"    - {reason}";
        }
        if (o.Completeness is { } completeness) yield return $"  completeness gate: {Gate(completeness)}";
        if (o.SignTest is { } signTest) yield return $"  sign-test gate: {Gate(signTest)}";
        if (o.MetaWeights.Count > 0)
            yield return "  meta-weights: " + string.Join(", ", o.MetaWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {TextFormat.Percent(kv.Value)}"));
        if (o.AssetWeights.Count > 0) yield return "  asset weights: " + SleeveOutcomes.TopWeights(o.AssetWeights, 10);
        if (o.TargetWeights.Count > 0) yield return "  target weights (today's signals): " + SleeveOutcomes.TopWeights(o.TargetWeights, 10);
        if (o.ReportPath is { } report) yield return $"  report: {report}";
    }

    public static string Json(MetaOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("profile", o.Profile);
            w.WriteString("run_id", o.RunId?.Value);
            w.WriteString("run_directory", o.RunDirectory);
            w.WriteString("status", o.Succeeded ? "PASS" : "FAIL");
            w.Strings("reasons", o.Reasons);
            Gate(w, "completeness", o.Completeness);
            Gate(w, "sign_test", o.SignTest);
            w.Map("meta_weights", o.MetaWeights);
            w.Map("asset_weights", o.AssetWeights.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value)));
            w.Map("target_weights", o.TargetWeights.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value)));
            w.WriteString("report", o.ReportPath);
            w.WriteEndObject();
        }, indented: false);
    }

    // The failures themselves are among the reasons above.
    private static string Gate(MetaGateResult gate) => gate.Passed ? "PASS" : $"FAIL ({gate.Failures.Count} failure(s), listed above)";

    private static void Gate(Utf8JsonWriter w, string name, MetaGateResult? gate)
    {
        if (gate is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteBoolean("passed", gate.Passed);
        w.Strings("failures", gate.Failures);
        w.WriteEndObject();
    }
}
