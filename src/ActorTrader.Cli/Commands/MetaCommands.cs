using System.CommandLine;
using ActorTrader.Cli.Backtesting;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader meta run PROFILE [--json]</c>. The logic is <see cref="MetaCommandRunner"/>.</summary>
internal static class MetaCommands
{
    public static Command Create(CliContext context)
    {
        var profile = new Argument<string>("PROFILE") { Description = "A profile of actortrader.meta.profiles (e.g. default)." };
        var from = new Option<string?>("--from") { Description = "Run every sleeve from this day, yyyy-MM-dd (UTC, included; default: each sleeve's window)." };
        var to = new Option<string?>("--to") { Description = "Run every sleeve up to this day, yyyy-MM-dd (UTC, included; default: each sleeve's window)." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON object." };
        var run = new Command("run", "Run the profile's sleeves in parallel, check the completeness and sign-test gates, allocate across the sleeves; PASS or FAIL.")
        {
            profile, from, to, json,
        };
        run.SetAction((parse, cancellationToken) =>
        {
            var window = OptionParsing.Window(parse.GetValue(from), parse.GetValue(to));
            return new MetaCommandRunner(context).RunAsync(parse.GetValue(context.ConfigOption), parse.GetValue(profile)!, window, parse.GetValue(json), cancellationToken);
        });
        return new Command("meta", "The meta-portfolio across sleeves.") { run };
    }
}
