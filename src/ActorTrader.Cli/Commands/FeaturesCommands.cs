using System.CommandLine;
using ActorTrader.Cli.Data;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader features backfill</c>: rebuild features_matrix.parquet from the lakehouse. The logic is <see cref="FeaturesBackfillRunner"/>.</summary>
internal static class FeaturesCommands
{
    public static Command Create(CliContext context)
    {
        var backfill = new Command("backfill", "Compute the feature matrix (features_matrix.parquet) for every changed partition.");
        backfill.SetAction(parse => new FeaturesBackfillRunner(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption)));
        return new Command("features", "Derived features of the lakehouse bars.") { backfill };
    }
}
