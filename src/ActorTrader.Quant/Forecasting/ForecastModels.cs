using ActorTrader.Quant.Forecasting.Arima;
using ActorTrader.Quant.Forecasting.Baseline;
using ActorTrader.Quant.Forecasting.Garch;
using ActorTrader.Quant.Forecasting.Smoothing;
using ActorTrader.Quant.Forecasting.Ssa;

namespace ActorTrader.Quant.Forecasting;

/// <summary>The built-in models by name, with their default settings.</summary>
public static class ForecastModels
{
    public static IReadOnlyList<string> Names { get; } =
        [NaiveModel.ModelName, ArimaModel.ModelName, GarchModel.GarchName, GarchModel.GjrName, SsaModel.ModelName, HoltWintersModel.ModelName];

    public static IForecastModel Create(string name) => name switch
    {
        NaiveModel.ModelName => new NaiveModel(),
        ArimaModel.ModelName => new ArimaModel(),
        GarchModel.GarchName => new GarchModel(),
        GarchModel.GjrName => new GarchModel(asymmetric: true),
        SsaModel.ModelName => new SsaModel(),
        HoltWintersModel.ModelName => new HoltWintersModel(),
        _ => throw new ArgumentException($"Unknown forecasting model \"{name}\". Known models: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>All built-in models.</summary>
    public static IReadOnlyList<IForecastModel> All() => Names.Select(Create).ToArray();
}
