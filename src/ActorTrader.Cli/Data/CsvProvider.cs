using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;

namespace ActorTrader.Cli.Data;

/// <summary>The csv provider over <c>actortrader.data.csv.dir</c>; a missing directory is an input problem (exit 1) naming it.</summary>
internal static class CsvProvider
{
    /// <param name="directory">Directory of <c>TICKER.csv</c> files.</param>
    /// <param name="defaultExchange">Exchange the tickers are listed under (<c>actortrader.data.csv.default-exchange</c>).</param>
    public static IMarketDataProvider Create(string directory, string defaultExchange) =>
        Directory.Exists(directory)
            ? new CsvMarketDataProvider(directory, defaultExchange)
            : throw new CliException(ExitCodes.Problems, $"The csv directory {directory} does not exist. Fix: set actortrader.data.csv.dir to a directory of <TICKER>.csv files.");
}
