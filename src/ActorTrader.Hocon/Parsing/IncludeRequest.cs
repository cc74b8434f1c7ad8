namespace ActorTrader.Hocon.Parsing;

/// <summary>How an include names its resource: <c>include "x"</c> (heuristic), <c>file()</c>, <c>classpath()</c> or <c>url()</c>.</summary>
internal enum IncludeKind
{
    Heuristic,
    File,
    Classpath,
    Url,
}

/// <summary>One parsed include statement.</summary>
internal sealed record IncludeRequest(IncludeKind Kind, string Name, bool Required, HoconPosition Position, string Text);
