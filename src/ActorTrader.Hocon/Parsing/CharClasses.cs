namespace ActorTrader.Hocon.Parsing;

/// <summary>Character classes from the HOCON spec (whitespace, characters forbidden in unquoted strings).</summary>
internal static class CharClasses
{
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    /// <summary>HOCON whitespace other than newline: Unicode separators, tabs, CR, FF, VT, file separators, and the BOM.</summary>
    public static bool IsInlineWhitespace(char c) =>
        c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF' || c is >= '\u001C' and <= '\u001F'); // .NET omits the separators 0x1C-0x1F

    /// <summary>A character that may appear in an unquoted string (the caller also stops at "//").</summary>
    public static bool IsUnquotedChar(char c) => !IsInlineWhitespace(c) && c != '\n' && !Forbidden.Contains(c, StringComparison.Ordinal);
}
