using ActorTrader.Brokers.Paper;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Trading.Backup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace ActorTrader.Node.Management;

/// <summary>
/// <c>POST /api/backup</c>: an online backup now (SQLite's backup API, consistent while the actors write) of the journal,
/// its snapshots and the paper account, with the retention of <c>actortrader.trading.backup</c>.
/// </summary>
internal static class BackupApi
{
    public static void Map(IEndpointRouteBuilder routes, NodeContext node)
    {
        routes.MapPost(ManagementRoutes.Backup, async (HttpRequest request) =>
        {
            if (node.Journal is not { } journal)
                return Results.Json(new ApiError("This node has no journal to back up yet."), ManagementJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
            var config = node.Config.Config;
            var (settings, problems) = BackupSettings.Read(config, node.Settings.Node.DataDir);
            if (problems.Count > 0)
                return Results.Json(new ApiError($"The backup settings have problems: {string.Join("; ", problems.Select(p => p.Message + " " + p.Fix))}"), ManagementJson.Options, statusCode: StatusCodes.Status500InternalServerError);
            // A running trading core's paper account is copied by the broker (it holds the file exclusively); without one the file is closed.
            IReadOnlyList<DatabaseCopy> others = node.Trading is { } trading
                ? trading.StateDatabases
                : node.Settings.Broker.Kind == BrokerSettings.Paper && PaperBrokerSettings.Read(config, journal.StateDirectory) is ({ } paper, { Count: 0 })
                    ? [new DatabaseCopy(paper.StateFile)]
                    : [];
            try
            {
                // SQLite's backup is blocking I/O: off the request thread.
                var result = await Task.Run(() => new JournalBackup(settings, node.Time).Run(journal.Persistence, journal.StateDirectory, others), request.HttpContext.RequestAborted).ConfigureAwait(false);
                return Results.Json(new BackupResponse(result.Directory, result.TakenAt, [.. result.Files.Select(f => new BackupFileView(f.Source, f.Destination, f.Bytes))], result.Deleted),
                    ManagementJson.Options);
            }
            catch (Exception e) when (e is JournalBackupException or PaperBrokerStateException)
            {
                return Results.Json(new ApiError(e.Message), ManagementJson.Options, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
    }
}
