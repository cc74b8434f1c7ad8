using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>
/// A provider whose every fetch (and, with <c>gateSymbols</c>, every metadata call) waits for the test to open the gate:
/// lets a test act while a run is in flight, without sleeping.
/// </summary>
internal sealed class GatedProvider(bool gateSymbols = false) : IMarketDataProvider
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "gated";

    public bool IsSynthetic => true;

    public Task FirstCall => _firstCall.Task;

    public void Open() => _gate.TrySetResult();

    public async Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
    {
        _firstCall.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return TestBars.Weekdays(request.Start, request.End);
    }

    public async Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        if (!gateSymbols) return [];
        _firstCall.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return [];
    }
}
