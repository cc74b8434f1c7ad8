namespace ActorTrader.Node.Dashboard;

/// <summary>
/// The NAV samples of the current exchange day, for the intraday P&amp;L chart: a sample is kept when the ledger's time or
/// NAV changed, and the series starts afresh when the ledger's time reaches a new New York date (a replay's virtual days
/// included). At most <see cref="Capacity"/> samples: beyond that every other old sample is dropped, so a long day keeps its shape.
/// </summary>
internal sealed class IntradaySeries
{
    public const int Capacity = 2000;

    private static readonly TimeZoneInfo Exchange = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly List<(DateTimeOffset At, decimal Nav)> _samples = [];
    private DateOnly? _day;

    /// <summary>The exchange-local date the samples belong to; null before the first.</summary>
    public DateOnly? Day => _day;

    public IReadOnlyList<(DateTimeOffset At, decimal Nav)> Samples => _samples;

    /// <summary>Adds a sample of the ledger at <paramref name="asOf"/> (UTC); repeats and samples older than the last are ignored.</summary>
    public void Add(DateTimeOffset asOf, decimal nav)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, Exchange).DateTime);
        if (_day != day)
        {
            _samples.Clear();
            _day = day;
        }
        if (_samples.Count > 0)
        {
            var last = _samples[^1];
            if (asOf < last.At || (asOf == last.At && nav == last.Nav)) return;
            if (nav == last.Nav && _samples.Count > 1 && _samples[^2].Nav == nav)
            {
                // A flat stretch needs only its two ends.
                _samples[^1] = (asOf, nav);
                return;
            }
        }
        _samples.Add((asOf, nav));
        if (_samples.Count > Capacity) Thin();
    }

    private void Thin()
    {
        var kept = _samples.Where((_, i) => i % 2 == 0 || i == _samples.Count - 1).ToList();
        _samples.Clear();
        _samples.AddRange(kept);
    }
}
