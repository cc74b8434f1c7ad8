using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Management;
using ActorTrader.Trading.Backup;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader backup now | list | restore PATH</c>: an online backup of the running node's journal, snapshots and
/// paper account; the backups in the backup directory; and a restore with the node stopped (the files it replaces are
/// set aside, never deleted).
/// </summary>
internal static class BackupCommands
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var now = new Command("now", "Back up the running node now (SQLite online backup; retention actortrader.trading.backup.keep).") { json };
        now.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var result = await client.PostAsync<BackupResponse>(ManagementRoutes.Backup, new { }, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, ManagementJson.Indented)).ConfigureAwait(false);
            else
            {
                await context.Out.WriteLineAsync($"Backup {result.Directory} ({result.Files.Count} databases, {Size(result.Files.Sum(f => f.Bytes))})").ConfigureAwait(false);
                foreach (var file in result.Files) await context.Out.WriteLineAsync($"  {file.Source} -> {Path.GetFileName(file.Destination)}").ConfigureAwait(false);
                foreach (var old in result.Deleted) await context.Out.WriteLineAsync($"  retention removed {old}").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });

        var listJson = new Option<bool>("--json") { Description = "Print the backups as JSON." };
        var list = new Command("list", "List the backups in the backup directory (actortrader.trading.backup.dir), newest first.") { listJson };
        list.SetAction(async parse =>
        {
            var settings = NodeLocator.LoadSettings(context, parse.GetValue(context.ConfigOption), out var loaded);
            var (backup, problems) = BackupSettings.Read(loaded.Config, settings.Node.DataDir);
            if (problems.Count > 0) throw new CliException(ExitCodes.Problems, string.Join(Environment.NewLine, problems.Select(p => $"{p.Message} {p.Fix}")));
            var backups = Directory.Exists(backup.Directory)
                ? Directory.GetDirectories(backup.Directory).Where(d => File.Exists(Path.Combine(d, BackupManifest.FileName))).OrderDescending(StringComparer.Ordinal).ToList()
                : [];
            var views = backups.Select(d => (Directory: d, Manifest: BackupManifest.Read(d))).ToList();
            if (parse.GetValue(listJson))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(views.Select(v => new { directory = v.Directory, takenAt = v.Manifest.TakenAt, files = v.Manifest.Files }), ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            if (views.Count == 0) await context.Out.WriteLineAsync($"No backups in {backup.Directory} (take one with `actortrader backup now`).").ConfigureAwait(false);
            foreach (var (directory, manifest) in views)
                await context.Out.WriteLineAsync($"{directory}  {manifest.TakenAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC  {manifest.Files.Count} databases  {Size(manifest.Files.Sum(f => f.Bytes))}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });

        var path = new Argument<string>("PATH") { Description = "A backup directory (or a file in it), e.g. data/backups/20260102-213000" };
        var restore = new Command("restore", "Restore a backup with the node stopped: each database is checked, the current files are renamed *.before-restore-<time> (not deleted), the backup's are put in place.") { path };
        restore.SetAction(async parse =>
        {
            var configFile = parse.GetValue(context.ConfigOption);
            RefuseWhileRunning(context, configFile);
            RestoreResult result;
            try
            {
                result = new JournalRestore(TimeProvider.System).Restore(parse.GetValue(path)!);
            }
            catch (JournalBackupException e)
            {
                throw new CliException(ExitCodes.Problems, e.Message);
            }
            await context.Out.WriteLineAsync($"Restored the backup of {result.TakenAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC from {result.Backup}:").ConfigureAwait(false);
            foreach (var file in result.Files)
                await context.Out.WriteLineAsync(file.SetAside is { } aside ? $"  {file.Target} (the previous file is now {aside})" : $"  {file.Target} (there was none)").ConfigureAwait(false);
            await context.Out.WriteLineAsync("Start the node to continue from the restored state. To undo, stop it and rename the .before-restore-* files back.").ConfigureAwait(false);
            return ExitCodes.Ok;
        });

        return new Command("backup", "Back up and restore the node's databases (journal, snapshots, paper account).") { now, list, restore };
    }

    /// <summary>A restore under a running node would be overwritten (or worse, mixed) by its next write: refused.</summary>
    private static void RefuseWhileRunning(CliContext context, string? configFile)
    {
        NodeTarget target;
        try
        {
            (target, _) = NodeLocator.Locate(context, configFile);
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.NodeNotRunning)
        {
            return;
        }
        throw new CliException(ExitCodes.Problems, $"A node is running ({target.Url}). Fix: stop it first (Ctrl+C or SIGTERM), then restore, then start it again.");
    }

    private static string Size(long bytes) => bytes >= 1048576
        ? (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
}
