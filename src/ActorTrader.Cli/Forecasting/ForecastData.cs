using ActorTrader.Backtest.Forecasting;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Forecasting;

/// <summary>Daily bars for the forecast commands: the data options' panel (the embedded default data unless told otherwise) as one series per symbol.</summary>
internal static class ForecastData
{
    public static async Task<(LoadedPanel Loaded, List<ForecastSeries> Series)> LoadAsync(ResearchEnvironment environment, DataOptions data, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var request = data.Request(Timeframe.Day1, environment.Data.Settings.CsvDefaultExchange);
        LoadedPanel loaded;
        try
        {
            loaded = await environment.Panels(clock).LoadAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PanelLoadException e)
        {
            throw new CliException(ExitCodes.Problems, $"The bars cannot be loaded: {e.Message}", e);
        }
        return (loaded, Series(loaded.Panel));
    }

    /// <summary>Each symbol's finite positive closes, in time order; missing bars (before listing, after delisting) are left out.</summary>
    private static List<ForecastSeries> Series(BarPanel panel)
    {
        var view = panel.AsOf(panel.TimeCount - 1);
        var series = new List<ForecastSeries>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var closes = view.Close(s);
            var times = new List<DateTime>();
            var logs = new List<double>();
            for (var t = 0; t < closes.Length; t++)
            {
                if (!(double.IsFinite(closes[t]) && closes[t] > 0)) continue;
                times.Add(panel.Times[t].UtcDateTime);
                logs.Add(Math.Log(closes[t]));
            }
            series.Add(new ForecastSeries(panel.Symbols[s].ToString(), times, [.. logs]));
        }
        return series;
    }
}
