namespace ActorTrader.Quant.Forecasting;

/// <summary>A model with estimated parameters; forecasts from any history of the same series (usually a longer one).</summary>
public interface IFittedModel
{
    /// <summary>The model's name (<see cref="IForecastModel.Name"/>).</summary>
    string Model { get; }

    /// <summary>The model's version (<see cref="IForecastModel.Version"/>).</summary>
    string Version { get; }

    /// <summary>Estimated parameters by name, in the units of the series the model was fitted on.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Residual diagnostics of the fit; always present (a test that could not run says why).</summary>
    ResidualDiagnostics Diagnostics { get; }

    /// <summary>What the fit decided along the way: the chosen order, discarded candidates and their reasons, flags.</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps past the end of <paramref name="logPrices"/> with the fitted parameters.</summary>
    Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon);
}
