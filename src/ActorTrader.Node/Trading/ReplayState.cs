using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence;
using ActorTrader.Trading.Host.Replay;
using ILogger = Serilog.ILogger;

namespace ActorTrader.Node.Trading;

/// <summary>
/// A replay's own state directory (<c>actortrader.trading.run.replay-dir</c>): its journal and paper account. A replay that
/// has not finished and was started with the same first date and length is resumed; any other (a finished one, or one with
/// other arguments) is moved into the archive directory under its run id, and a fresh one begins.
/// </summary>
internal static class ReplayState
{
    public static async Task<(PersistenceStores Stores, PersistenceSettings Settings, ReplayCursor Cursor)> OpenAsync(
        LoadedConfig loaded, TradingRunSettings run, DateOnly start, int days, ILogger log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(run.ReplayDir);
        var (stores, settings) = await NodePersistence.OpenAsync(loaded, run.ReplayDir, cancellationToken).ConfigureAwait(false);
        ReplayCursor cursor;
        try
        {
            cursor = await ReplayCursor.LoadAsync(stores.Journal, NodePersistence.CreateSerializer(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stores.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (cursor.Started is not { } started || cursor.Resumes(start, days)) return (stores, settings, cursor);

        await stores.DisposeAsync().ConfigureAwait(false);
        Directory.CreateDirectory(run.ArchiveDir);
        var archive = Path.Combine(run.ArchiveDir, started.RunId);
        for (var n = 2; Directory.Exists(archive); n++) archive = Path.Combine(run.ArchiveDir, $"{started.RunId}-{n}");
        Directory.Move(run.ReplayDir, archive);
        log.Information("The previous replay {RunId} ({Start:l}, {Days} days, {State}) was moved to {Archive}; a new replay starts",
            started.RunId, started.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), started.Days, cursor.Finished ? "finished" : "other arguments, not finished", archive);
        Directory.CreateDirectory(run.ReplayDir);
        (stores, settings) = await NodePersistence.OpenAsync(loaded, run.ReplayDir, cancellationToken).ConfigureAwait(false);
        return (stores, settings, ReplayCursor.Empty);
    }
}
