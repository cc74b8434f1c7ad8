namespace ActorTrader.Persistence.Sql;

/// <summary>
/// Tags as one text value: each tag framed by the unit separator (U+001F), e.g. "␟buy␟AAPL␟".
/// A tag query then looks for "␟tag␟" as a plain substring, with no LIKE wildcards to escape.
/// </summary>
internal static class TagEncoding
{
    public const char Separator = '\u001F';

    public static string Encode(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            return "";
        }

        return Separator + string.Join(Separator, tags) + Separator;
    }

    /// <summary>The substring that marks <paramref name="tag"/> in an encoded value.</summary>
    public static string Needle(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return Separator + tag + Separator;
    }

    public static IReadOnlyList<string> Decode(string encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return [];
        }

        return encoded.Split(Separator, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Throws when a tag is empty or contains the separator, naming the tag and the event.</summary>
    public static void Validate(string tag, string persistenceId, long sequenceNr)
    {
        if (string.IsNullOrEmpty(tag) || tag.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Tag '{tag}' of event {sequenceNr} of persistence id '{persistenceId}' is empty or contains the control character U+001F. Fix: use non-empty tags without control characters.");
        }
    }
}
