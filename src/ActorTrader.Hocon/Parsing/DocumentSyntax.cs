namespace ActorTrader.Hocon.Parsing;

/// <summary>The syntax of a document, chosen by file extension.</summary>
internal enum DocumentSyntax
{
    Hocon,
    Json,
    Properties,
}
