using System.Globalization;
using ActorTrader.Hocon.Values;

namespace ActorTrader.Hocon;

/// <summary>Typed getters. Null values count as missing for the overloads with a default.</summary>
public sealed partial class Config
{
    /// <summary>A string, number or boolean as text.</summary>
    public string GetString(string path) => AsString(path, Require(path));

    /// <summary>A string, number or boolean as text, or the default when missing or null.</summary>
    public string GetString(string path, string @default) => Optional(path) is { } value ? AsString(path, value) : @default;

    /// <summary>A 32-bit integer (a number, or a string holding one).</summary>
    public int GetInt(string path) => AsInt(path, Require(path));

    /// <summary>A 32-bit integer, or the default when missing or null.</summary>
    public int GetInt(string path, int @default) => Optional(path) is { } value ? AsInt(path, value) : @default;

    /// <summary>A 64-bit integer (a number, or a string holding one).</summary>
    public long GetLong(string path) => AsLong(path, Require(path));

    /// <summary>A 64-bit integer, or the default when missing or null.</summary>
    public long GetLong(string path, long @default) => Optional(path) is { } value ? AsLong(path, value) : @default;

    /// <summary>A double (a number, or a string holding one).</summary>
    public double GetDouble(string path) => AsDouble(path, Require(path));

    /// <summary>A double, or the default when missing or null.</summary>
    public double GetDouble(string path, double @default) => Optional(path) is { } value ? AsDouble(path, value) : @default;

    /// <summary>An exact decimal parsed from the source text (no binary rounding).</summary>
    public decimal GetDecimal(string path) => AsDecimal(path, Require(path));

    /// <summary>An exact decimal, or the default when missing or null.</summary>
    public decimal GetDecimal(string path, decimal @default) => Optional(path) is { } value ? AsDecimal(path, value) : @default;

    /// <summary>A boolean: true/false, or the strings yes/no/on/off.</summary>
    public bool GetBoolean(string path) => AsBoolean(path, Require(path));

    /// <summary>A boolean, or the default when missing or null.</summary>
    public bool GetBoolean(string path, bool @default) => Optional(path) is { } value ? AsBoolean(path, value) : @default;

    /// <summary>A duration: "5s", "100ms", "2 minutes"; a bare number is milliseconds (HOCON spec); "infinite" as in Akka.NET.</summary>
    public TimeSpan GetTimeSpan(string path) => AsTimeSpan(path, Require(path));

    /// <summary>A duration, or the default when missing or null.</summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan @default) => Optional(path) is { } value ? AsTimeSpan(path, value) : @default;

    /// <summary>A size in bytes: "10MiB", "512k", "1 GB"; a bare number is bytes.</summary>
    public long GetByteSize(string path) => AsByteSize(path, Require(path));

    /// <summary>A size in bytes, or the default when missing or null.</summary>
    public long GetByteSize(string path, long @default) => Optional(path) is { } value ? AsByteSize(path, value) : @default;

    /// <summary>An array of strings, numbers or booleans as text.</summary>
    public IReadOnlyList<string> GetStringList(string path) => AsStringList(path, Require(path));

    /// <summary>An array as text, or the default when missing or null.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> @default) =>
        Optional(path) is { } value ? AsStringList(path, value) : @default;

    private HoconValue Require(string path)
    {
        var value = Find(path) ?? throw new HoconException($"Missing configuration key '{path}'; add it to the config or use the getter with a default", null, path);
        return value.IsNull
            ? throw new HoconException($"Configuration key '{path}' is null; set a value or use the getter with a default", value.Position, path)
            : value;
    }

    private HoconValue? Optional(string path) => Find(path) is { IsNull: false } value ? value : null;

    private static string AsString(string path, HoconValue value) =>
        value.IsScalar ? value.AsString() : throw WrongType(path, value, "a string");

    private static int AsInt(string path, HoconValue value) =>
        AsLong(path, value) is var number && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw WrongType(path, value, "a 32-bit integer");

    private static long AsLong(string path, HoconValue value)
    {
        if (value.IsScalar)
        {
            var text = value.AsString().Trim();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                && exact == decimal.Truncate(exact) && exact is >= long.MinValue and <= long.MaxValue)
            {
                return (long)exact;
            }
        }

        throw WrongType(path, value, "an integer");
    }

    private static double AsDouble(string path, HoconValue value) =>
        value.IsScalar && double.TryParse(value.AsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw WrongType(path, value, "a number");

    private static decimal AsDecimal(string path, HoconValue value) =>
        value.IsScalar && decimal.TryParse(value.AsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw WrongType(path, value, "a decimal number");

    private static bool AsBoolean(string path, HoconValue value)
    {
        if (value.IsScalar)
        {
            switch (value.AsString().Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on": return true;
                case "false" or "no" or "off": return false;
            }
        }

        throw WrongType(path, value, "a boolean (true/false, yes/no, on/off)");
    }

    private static TimeSpan AsTimeSpan(string path, HoconValue value)
    {
        string? problem = null;
        if (value.IsScalar && DurationFormat.TryParse(value.AsString(), value.Kind == HoconValueKind.Number, out var duration, out problem))
        {
            return duration;
        }

        throw WrongType(path, value, "a duration such as 500ms, 5s, 2 minutes", problem);
    }

    private static long AsByteSize(string path, HoconValue value)
    {
        string? problem = null;
        if (value.IsScalar && ByteSizeFormat.TryParse(value.AsString(), out var bytes, out problem))
        {
            return bytes;
        }

        throw WrongType(path, value, "a size in bytes such as 512k, 10MiB, 1 GB", problem);
    }

    private static List<string> AsStringList(string path, HoconValue value)
    {
        if (!value.IsArray)
        {
            throw WrongType(path, value, "an array of strings");
        }

        var items = new List<string>(value.Items.Count);
        for (var i = 0; i < value.Items.Count; i++)
        {
            items.Add(AsString($"{path}[{i}]", value.Items[i]));
        }

        return items;
    }

    private static HoconException WrongType(string path, HoconValue value, string expected, string? problem = null) =>
        new($"Configuration key '{path}' must be {expected} but is {value.Describe()}{(problem is null ? "" : $" ({problem})")}",
            value.Position,
            value.IsScalar ? value.AsString() : path);
}
