namespace ActorTrader.Research.Discovery;

/// <summary>Rule text that does not parse; names the 0-based character position, the offending token and what was expected.</summary>
public sealed class RuleParseException : FormatException
{
    public RuleParseException(string text, int position, string token, string problem)
        : base($"Rule text does not parse at position {position} (token '{token}'): {problem} Text: {Excerpt(text)}")
    {
        Text = text;
        Position = position;
        Token = token;
        Problem = problem;
    }

    public RuleParseException()
        : this("", 0, "", "no text.")
    {
    }

    public RuleParseException(string message)
        : base(message)
    {
        Text = "";
        Token = "";
        Problem = message;
    }

    public RuleParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = "";
        Token = "";
        Problem = message;
    }

    /// <summary>The whole text that was parsed.</summary>
    public string Text { get; }

    /// <summary>0-based character offset of <see cref="Token"/> in <see cref="Text"/>.</summary>
    public int Position { get; }

    /// <summary>The token found there ("end of text" at the end).</summary>
    public string Token { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
