using ActorTrader.Data.Scanners;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Hosting.Checking;

/// <summary>
/// The scanner part of config-check: lints every <c>*.conf</c> in <c>actortrader.data.scanners.dir</c> exactly as
/// <c>actortrader scan --lint</c> does, so a contradictory filter is caught before a scan or a node start.
/// </summary>
internal static class ScannerFilesCheck
{
    private const string DirectoryKey = "actortrader.data.scanners.dir";

    /// <summary>Each scanner problem as a <see cref="ConfigProblem"/> positioned in its scanner file.</summary>
    public static IEnumerable<ConfigProblem> Run(string directory, Config config)
    {
        if (!Directory.Exists(directory))
        {
            // The reference default (hocon/scanners) is missing wherever the CLI runs outside the repository, and a
            // node need not scan; a directory the operator named but that does not exist is a mistake, though.
            var position = config.GetPosition(DirectoryKey);
            if (position is not null && position.Source != ReferenceConfig.ResourceName)
            {
                yield return new ConfigProblem(DirectoryKey, position,
                    $"{DirectoryKey}: the scanners directory {directory} does not exist.",
                    $"Point {DirectoryKey} at the directory of scanner files (*.conf), or remove the key to use hocon/scanners.");
            }
            yield break;
        }
        foreach (var file in Directory.GetFiles(directory, "*.conf").Order(StringComparer.Ordinal))
        {
            foreach (var problem in ScannerLint.LintFile(file).Problems)
            {
                // Without a position the message must still say which file it is about.
                yield return problem.Position is null ? problem with { Message = $"{file}: {problem.Message}" } : problem;
            }
        }
    }
}
