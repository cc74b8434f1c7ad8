using System.Globalization;
using System.Text.Json;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// The JSON of an ingestion batch on the work queue: the payload (<see cref="IngestionBatch"/>) and the result a worker
/// writes back (the batch run's <see cref="IngestionSummary"/>). snake_case fields, symbols as <c>EXCHANGE:TICKER</c>,
/// times as ISO-8601 UTC, numbers invariant; a node of another version reading a field it does not know ignores it.
/// </summary>
public static class IngestionBatchJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string SerializeBatch(IngestionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return JsonSerializer.Serialize(new BatchDto(
            1, batch.RequestId, batch.Index, batch.Count, batch.Provider, batch.Timeframe.Name,
            Time(batch.Start), Time(batch.End), batch.FreshnessHours, [.. batch.Symbols.Select(s => s.ToString())]), Options);
    }

    /// <summary>Reads a payload; <see cref="InvalidDataException"/> naming <paramref name="key"/> when it is not one.</summary>
    public static IngestionBatch ParseBatch(string key, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var dto = Read<BatchDto>(key, payload, "payload");
        return Convert(key, "payload", () => new IngestionBatch(
            Required(dto.RequestId, "request_id"), dto.Index, dto.Count, Required(dto.Provider, "provider"),
            Timeframe.Parse(Required(dto.Timeframe, "timeframe")), ParseTime(dto.Start, "start"), ParseTime(dto.End, "end"),
            dto.FreshnessHours, [.. Required(dto.Symbols, "symbols").Select(Symbol.Parse)]));
    }

    public static string SerializeResult(IngestionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.Serialize(new ResultDto(
            1, summary.RunId, summary.Provider, summary.Timeframe, Time(summary.Start), Time(summary.End), Time(summary.StartedAt),
            summary.Duration.TotalSeconds, summary.Requested, summary.Fetched,
            [.. summary.SkippedFresh.Select(s => new SkippedDto(s.Symbol.ToString(), s.Reason))],
            [.. summary.Rejected.Select(r => new RejectedDto(r.Symbol.ToString(), r.Kind.ToString(), r.Reason))],
            [.. summary.Failed.Select(f => new FailedDto(f.Symbol.ToString(), f.Error, f.Attempts))],
            [.. summary.Quarantined.Select(q => new QuarantinedDto(q.Symbol.ToString(), q.MovedTo, q.Reason))],
            summary.SymbolsWritten, summary.BarsFetched, summary.BarsWritten, summary.Cancelled), Options);
    }

    /// <summary>Reads a batch's result; <see cref="InvalidDataException"/> naming <paramref name="key"/> when it is not one.</summary>
    public static IngestionSummary ParseResult(string key, string result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dto = Read<ResultDto>(key, result, "result");
        return Convert(key, "result", () => new IngestionSummary(
            Required(dto.RunId, "run_id"), Required(dto.Provider, "provider"), Required(dto.Timeframe, "timeframe"),
            ParseTime(dto.Start, "start"), ParseTime(dto.End, "end"), ParseTime(dto.StartedAt, "started_at"),
            TimeSpan.FromSeconds(dto.DurationSeconds), dto.Requested, dto.Fetched,
            [.. Required(dto.SkippedFresh, "skipped_fresh").Select(s => new SkippedSymbol(Symbol.Parse(s.Symbol), s.Reason))],
            [.. Required(dto.Rejected, "rejected").Select(r => new SymbolRejection(Symbol.Parse(r.Symbol), Enum.Parse<RejectionKind>(r.Kind), r.Reason))],
            [.. Required(dto.Failed, "failed").Select(f => new SymbolFailure(Symbol.Parse(f.Symbol), f.Error, f.Attempts))],
            [.. Required(dto.Quarantined, "quarantined").Select(q => new PartitionQuarantine(Symbol.Parse(q.Symbol), q.MovedTo, q.Reason))],
            dto.SymbolsWritten, dto.BarsFetched, dto.BarsWritten, dto.Cancelled));
    }

    private static T Read<T>(string key, string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidDataException($"The {what} of ingestion batch '{key}' is JSON null. Fix: enqueue the request again with IngestionBatches.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} of ingestion batch '{key}' is not ingestion batch JSON: {e.Message}. Fix: enqueue the request again with IngestionBatches.", e);
        }
    }

    private static T Convert<T>(string key, string what, Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or MissingFieldException)
        {
            throw new InvalidDataException($"The {what} of ingestion batch '{key}' cannot be read: {e.Message}", e);
        }
    }

    private static T Required<T>(T? value, string field) where T : class =>
        value ?? throw new MissingFieldException($"field '{field}' is missing");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string? text, string field) =>
        DateTimeOffset.Parse(Required(text, field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record BatchDto(int Version, string? RequestId, int Index, int Count, string? Provider, string? Timeframe,
        string? Start, string? End, double? FreshnessHours, string[]? Symbols);

    private sealed record ResultDto(int Version, string? RunId, string? Provider, string? Timeframe, string? Start, string? End, string? StartedAt,
        double DurationSeconds, int Requested, int Fetched, SkippedDto[]? SkippedFresh, RejectedDto[]? Rejected, FailedDto[]? Failed,
        QuarantinedDto[]? Quarantined, int SymbolsWritten, long BarsFetched, long BarsWritten, bool Cancelled);

    private sealed record SkippedDto(string Symbol, string Reason);

    private sealed record RejectedDto(string Symbol, string Kind, string Reason);

    private sealed record FailedDto(string Symbol, string Error, int Attempts);

    private sealed record QuarantinedDto(string Symbol, string MovedTo, string Reason);
}
