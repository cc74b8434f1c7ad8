namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// The stop orders TIGHTEN_STOPS placed that may still work at the broker, by symbol, with the number of the action that
/// placed each. Changed only by applying journaled risk events, so a restart rebuilds it. An id stays here until it is
/// known to be gone: the action replacing it completed, or a later cancel-all completed. Kept conservatively: an id
/// that was never placed only costs a lookup the next time the position's stop is replaced.
/// </summary>
internal sealed class ProtectiveStops
{
    private readonly SortedDictionary<string, List<(string ClientOrderId, int Action)>> _bySymbol = new(StringComparer.Ordinal);

    public IEnumerable<string> Symbols => _bySymbol.Keys;

    public IReadOnlyList<string> Of(string symbol) =>
        _bySymbol.TryGetValue(symbol, out var stops) ? [.. stops.Select(s => s.ClientOrderId)] : [];

    public void Placed(string symbol, string clientOrderId, int action)
    {
        if (!_bySymbol.TryGetValue(symbol, out var stops)) _bySymbol[symbol] = stops = [];
        if (!stops.Exists(s => s.ClientOrderId == clientOrderId)) stops.Add((clientOrderId, action));
    }

    public void Gone(IEnumerable<string> clientOrderIds)
    {
        var gone = clientOrderIds.ToHashSet(StringComparer.Ordinal);
        Remove(s => gone.Contains(s.ClientOrderId));
    }

    /// <summary>A cancel of every open order, sent by action <paramref name="action"/>, was carried out: stops of earlier actions are gone.</summary>
    public void CancelledBefore(int action) => Remove(s => s.Action < action);

    private void Remove(Predicate<(string ClientOrderId, int Action)> gone)
    {
        foreach (var symbol in _bySymbol.Keys.ToList())
        {
            var stops = _bySymbol[symbol];
            stops.RemoveAll(gone);
            if (stops.Count == 0) _bySymbol.Remove(symbol);
        }
    }
}
