namespace ActorTrader.Node.Hosting;

/// <summary>The node's command line: <c>--config FILE</c> and any number of <c>--set key=value</c>.</summary>
/// <param name="ConfigFile">The node file; null uses ACTORTRADER_CONFIG or hocon/node.conf.</param>
/// <param name="Sets">Overrides applied over the node file and the environment.</param>
public sealed record NodeArguments(string? ConfigFile, IReadOnlyList<string> Sets)
{
    public const string Usage = "Usage: ActorTrader.Node [--config FILE] [--set actortrader.key=value ...]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad one and the usage.</summary>
    public static NodeArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        var sets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--config":
                    config = inlineValue ?? Next(ref i, name);
                    break;
                case "--set":
                    sets.Add(inlineValue ?? Next(ref i, name));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument \"{args[i]}\". {Usage}");
            }
        }
        return new NodeArguments(config, sets);

        string Next(ref int i, string name) =>
            ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value. {Usage}");
    }
}
