using System.Text.Json;

namespace ActorTrader.Hocon.Tests.Support;

/// <summary>Semantic JSON equality as lightbend compares configs: objects ignore key order, numbers compare by value (1 == 1.0).</summary>
internal static class JsonEquivalence
{
    /// <summary>Null when equal, else the path of the first difference and what differs.</summary>
    public static string? Difference(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        return Compare(expected.RootElement, actual.RootElement, "$");
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return expected.GetBoolean() == actual.GetBoolean() ? null : $"{path}: expected {expected} but was {actual}";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {expected} but was {actual.ValueKind} {actual}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    return $"{path}: expected keys [{string.Join(", ", expectedNames)}] but were [{string.Join(", ", actualNames)}]";
                }

                foreach (var name in expectedNames)
                {
                    if (Compare(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} elements but were {actual.GetArrayLength()}";
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray())
                    .Select((pair, i) => Compare(pair.First, pair.Second, $"{path}[{i}]"))
                    .FirstOrDefault(d => d is not null);
            case JsonValueKind.Number:
                var same = expected.TryGetDecimal(out var left) && actual.TryGetDecimal(out var right)
                    ? left == right
                    : expected.GetDouble().Equals(actual.GetDouble());
                return same ? null : $"{path}: expected {expected} but was {actual}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\" but was \"{actual.GetString()}\"";
            default:
                return null;
        }
    }
}
