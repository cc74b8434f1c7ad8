using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;

namespace ActorTrader.Cli.Data;

/// <summary>The csv provider over <c>actortrader.data.csv.dir</c>; a missing directory is an input problem (exit 1) naming it.</summary>
internal static class CsvProvider
{
    public static IMarketDataProvider Create(string directory) =>
        Directory.Exists(directory)
            ? new CsvMarketDataProvider(directory)
            : throw new CliException(ExitCodes.Problems, $"The csv directory {directory} does not exist. Fix: set actortrader.data.csv.dir to a directory of <TICKER>.csv files.");
}
