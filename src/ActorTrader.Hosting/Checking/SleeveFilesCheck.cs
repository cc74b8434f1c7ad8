using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Hosting.Checking;

/// <summary>
/// The sleeve part of config-check: reads every <c>*.conf</c> in <c>actortrader.sleeves.dir</c> exactly as a sleeve run
/// does (over the node's <c>actortrader.sleeves.defaults</c> and <c>actortrader.strategies</c>), so an unknown strategy or
/// engine, a bad threshold or short legs on a cash account are caught before a run; and checks that every meta profile
/// names (where the operator wrote its list) sleeves that have a file there.
/// </summary>
internal static class SleeveFilesCheck
{
    private const string DirectoryKey = SleeveSettings.Section + ".dir";

    /// <param name="alreadyReported">Problems found by the node-wide readers; a sleeve read repeats those positioned in the node configuration, which are left out.</param>
    public static IEnumerable<ConfigProblem> Run(string directory, Config config, MetaSettings meta, IReadOnlyCollection<ConfigProblem> alreadyReported)
    {
        if (!Directory.Exists(directory))
        {
            // The reference default (hocon/sleeves) is missing wherever the CLI runs outside the repository, and a node
            // need not run sleeves; a directory the operator named that does not exist is a mistake, though.
            var position = config.GetPosition(DirectoryKey);
            if (position is not null && position.Source != ReferenceConfig.ResourceName)
            {
                yield return new ConfigProblem(DirectoryKey, position,
                    $"{DirectoryKey}: the sleeves directory {directory} does not exist.",
                    $"Point {DirectoryKey} at the directory of sleeve files (<name>.conf), or remove the key to use hocon/sleeves.");
            }
            yield break;
        }

        var files = Directory.GetFiles(directory, "*.conf").Order(StringComparer.Ordinal).ToList();
        // Node-configuration problems (a bad default or strategy value) come back from every sleeve read: report each place once.
        var seen = new HashSet<(string? Key, HoconPosition? Position)>(alreadyReported.Select(p => (p.Key, p.Position)));
        foreach (var file in files)
        {
            foreach (var problem in SleeveDefinitionReader.ReadFile(file, config).Problems)
            {
                var inFile = problem.Position is null || problem.Position.Source == file;
                if (!inFile && !seen.Add((problem.Key, problem.Position))) continue;
                // Without a position the message must still say which file it is about.
                yield return problem.Position is null ? problem with { Message = $"{file}: {problem.Message}" } : problem;
            }
        }

        var names = files.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        foreach (var profile in meta.Profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var key = $"{MetaSettings.Section}.profiles.{profile.Name}.sleeves";
            // Only lists the operator wrote: the reference's default profile names the shipped sleeves, which another
            // sleeves directory need not hold when that profile is never run.
            if (config.GetPosition(key)?.Source is null or ReferenceConfig.ResourceName) continue;
            foreach (var sleeve in profile.Sleeves.Where(s => !names.Contains(s, StringComparer.Ordinal)))
            {
                var hint = ClosestKey.Find(sleeve, names);
                yield return ConfigProblem.At(config, key,
                    $"Meta profile \"{profile.Name}\" names sleeve \"{sleeve}\", which has no file {Path.Combine(directory, sleeve + ".conf")}" +
                    (hint is null ? "." : $"; did you mean {hint}?"),
                    names.Count == 0
                        ? $"Create {sleeve}.conf in {directory} (see hocon/sleeves/README.md), or remove it from {key}."
                        : $"Use one of {string.Join(", ", names)}, or create {sleeve}.conf in {directory}.");
            }
        }
    }
}
