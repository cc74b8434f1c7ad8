using System.Globalization;
using System.Security.Cryptography;

namespace ActorTrader.Data.Runs;

/// <summary>
/// Identifies one run: its UTC start to the second and six random hex digits, <c>20261121T203000Z-3f9a1c</c>.
/// Ids sort by start time as plain strings, and two runs started in the same second still differ.
/// </summary>
public readonly record struct RunId : IComparable<RunId>
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int SuffixLength = 6;

    private RunId(string value) => Value = value;

    public string Value { get; }

    /// <summary>A new id for a run started at <paramref name="startedAt"/>, with a random suffix.</summary>
    public static RunId New(DateTimeOffset startedAt) =>
        Create(startedAt, RandomNumberGenerator.GetHexString(SuffixLength, lowercase: true));

    /// <summary>The id for <paramref name="startedAt"/> and a given six-hex-digit suffix (deterministic, for tests and replays).</summary>
    public static RunId Create(DateTimeOffset startedAt, string suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        if (!IsSuffix(suffix)) throw new ArgumentException($"Run id suffix \"{suffix}\" is not {SuffixLength} lower-case hex digits.", nameof(suffix));
        return new RunId(startedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + suffix);
    }

    public static RunId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"\"{text}\" is not a run id. Fix: use the form 20261121T203000Z-3f9a1c.");

    public static bool TryParse(string? text, out RunId id)
    {
        id = default;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != TimeFormat.Length - 4 + 1 + SuffixLength || trimmed[^(SuffixLength + 1)] != '-') return false;
        if (!DateTime.TryParseExact(trimmed[..^(SuffixLength + 1)], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)) return false;
        if (!IsSuffix(trimmed[^SuffixLength..])) return false;
        id = new RunId(trimmed);
        return true;
    }

    /// <summary>The UTC second the run started.</summary>
    public DateTimeOffset StartedAt =>
        new(DateTime.ParseExact(Value[..^(SuffixLength + 1)], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public int CompareTo(RunId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";

    public static bool operator <(RunId left, RunId right) => left.CompareTo(right) < 0;

    public static bool operator <=(RunId left, RunId right) => left.CompareTo(right) <= 0;

    public static bool operator >(RunId left, RunId right) => left.CompareTo(right) > 0;

    public static bool operator >=(RunId left, RunId right) => left.CompareTo(right) >= 0;

    private static bool IsSuffix(string s) => s.Length == SuffixLength && s.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
