using System.Globalization;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>The <see cref="PlantedMarket"/> (or its plateau) as research data: the same seed and size always give the same bars.</summary>
public sealed class PlantedDataSource : IResearchDataSource
{
    private readonly Lazy<BarPanel> _panel;

    public PlantedDataSource(ulong seed = 1, int symbols = 5, int years = 3, bool plateau = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 2);
        Description = string.Create(CultureInfo.InvariantCulture, $"planted market{(plateau ? " plateau" : "")} seed {seed}, {symbols} symbols x {years} years");
        _panel = new Lazy<BarPanel>(() => (plateau ? PlantedMarket.Plateau(seed, symbols, years) : PlantedMarket.Create(seed, symbols, years)).Panel);
    }

    public string Description { get; }

    public Task<BarPanel> LoadAsync(IStrategy strategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.Requirements.Timeframe != Domain.Bars.Timeframe.Day1)
            throw new ResearchDataException($"The planted market holds daily bars; strategy {strategy.Name} needs {strategy.Requirements.Timeframe}. Fix: evolve a daily strategy on it, or set research.data.source to lakehouse or synthetic.");
        return Task.Run(() => _panel.Value, cancellationToken);
    }
}
