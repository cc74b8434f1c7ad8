using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// One ingestion to spread over the cluster's ingest nodes: the provider each node uses (by name: synthetic, csv,
/// alpaca), the symbols, the bar range [<see cref="Start"/>, <see cref="End"/>) in UTC, the timeframe and, when set,
/// the freshness that overrides the nodes' <c>actortrader.data.ingestion.freshness-hours</c>.
/// </summary>
public sealed record DistributedIngestionRequest(
    string Provider,
    IReadOnlyList<Symbol> Symbols,
    Timeframe Timeframe,
    DateTimeOffset Start,
    DateTimeOffset End,
    double? FreshnessHours = null)
{
    /// <summary>Throws naming the field and the fix when the request cannot run.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Provider);
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentNullException.ThrowIfNull(Timeframe);
        if (Symbols.Count == 0)
            throw new ArgumentException("The distributed ingestion has no symbols. Fix: pass at least one symbol (EXCHANGE:TICKER).", nameof(Symbols));
        if (End <= Start)
            throw new ArgumentException($"The ingestion range is empty: end {End:O} is not after start {Start:O}. Fix: pass an end later than the start.", nameof(End));
        if (FreshnessHours is < 0 or double.NaN)
            throw new ArgumentOutOfRangeException(nameof(FreshnessHours), FreshnessHours, "Freshness hours must be 0 or more (0 = never skip).");
    }

    /// <summary>The symbols once each, in <see cref="Symbol"/> order: the order batches are cut in, whatever order the caller gave.</summary>
    public IReadOnlyList<Symbol> DistinctSymbols() => [.. Symbols.Distinct().Order()];

    /// <summary>
    /// A stable id of the request cut into batches of <paramref name="batchSize"/>: a hash of everything that decides the
    /// batches' work, so the same request enqueued again (after a crash) names the same work items. Symbol order and
    /// repeats do not change it.
    /// </summary>
    public string RequestId(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var text = new StringBuilder()
            .Append("ingest/v1\n")
            .Append(Provider).Append('\n')
            .Append(Timeframe.Name).Append('\n')
            .Append(Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append('\n')
            .Append(End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append('\n')
            .Append(FreshnessHours is { } hours ? hours.ToString("R", CultureInfo.InvariantCulture) : "-").Append('\n')
            .Append(batchSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var symbol in DistinctSymbols()) text.Append(symbol.ToString()).Append('\n');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "ingest-" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
