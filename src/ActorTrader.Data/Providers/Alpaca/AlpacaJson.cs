using System.Globalization;
using System.Text.Json;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Tolerant readers for Alpaca's JSON: numbers arrive as JSON numbers or as strings, timestamps with up to 9
/// fractional digits, and unknown fields are ignored. Decimals are parsed from the JSON text itself, never via
/// double, so 173.703516 stays exact. Failures throw <see cref="FormatException"/> naming the JSON path.
/// </summary>
public static class AlpacaJson
{
    public static decimal RequiredDecimal(JsonElement owner, string name, string path) =>
        OptionalDecimal(owner, name, path) ?? throw Missing(path, name);

    public static decimal? OptionalDecimal(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => throw Invalid(path, name, value, "a number"),
        };
        // Float allows an exponent (1.5e3) and surrounding blanks; decimal.Parse keeps every written digit.
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            throw Invalid(path, name, value, "a decimal number");
        return parsed;
    }

    public static long OptionalInt64(JsonElement owner, string name, string path)
    {
        var value = OptionalDecimal(owner, name, path);
        if (value is null) return 0;
        if (decimal.Truncate(value.Value) != value.Value || value.Value > long.MaxValue || value.Value < long.MinValue)
            throw Invalid(path, name, owner.GetProperty(name), "a whole number");
        return (long)value.Value;
    }

    public static DateTimeOffset RequiredTimestamp(JsonElement owner, string name, string path) =>
        OptionalTimestamp(owner, name, path) ?? throw Missing(path, name);

    /// <summary>The UTC instant, or null when the field is missing, null or empty (Alpaca writes "" for some unset times).</summary>
    public static DateTimeOffset? OptionalTimestamp(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0) return null;
        if (value.ValueKind != JsonValueKind.String || !AlpacaTimestamp.TryParse(value.GetString(), out var instant))
            throw Invalid(path, name, value, "an RFC 3339 timestamp like 2022-02-01T05:00:00Z");
        return instant;
    }

    public static string RequiredString(JsonElement owner, string name, string path) =>
        OptionalString(owner, name, path) ?? throw Missing(path, name);

    public static string? OptionalString(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(path, name, value, "a string");
    }

    public static bool OptionalBool(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value)) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw Invalid(path, name, value, "true or false"),
        };
    }

    public static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{path} is {Describe(element)}, expected an object.");
    }

    private static FormatException Missing(string path, string name) =>
        new($"{path}.{name} is missing or null.");

    private static FormatException Invalid(string path, string name, JsonElement value, string expected) =>
        new($"{path}.{name} is {Describe(value)}, expected {expected}.");

    // Quoted whole or not at all: a cut-off quote could hold part of a credential that redaction cannot recognise.
    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 200 ? raw : $"{value.ValueKind} of {raw.Length} characters";
    }
}
