using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// Journals enums by their snake_case names (<c>partially_filled</c>, <c>stop_limit</c>, <c>buy</c>), never by number,
/// so reordering an enum cannot change what old events mean; numbers are refused when reading.
/// </summary>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The snake_case names of enums, as <see cref="WireEnumConverter{TEnum}"/> writes them.</summary>
internal static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
