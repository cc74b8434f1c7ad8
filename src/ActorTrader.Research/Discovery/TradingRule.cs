namespace ActorTrader.Research.Discovery;

/// <summary>
/// A discovered long/flat rule: go long when <see cref="Entry"/> holds while flat, go flat when <see cref="Exit"/> holds
/// while long. Text form <c>entry: &lt;condition&gt;; exit: &lt;condition&gt;</c> (see <see cref="RuleParser"/>), stable
/// and round-trip exact, so it is what journals and reports store.
/// </summary>
public sealed record TradingRule
{
    public TradingRule(Condition entry, Condition exit)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(exit);
        Entry = entry;
        Exit = exit;
    }

    public Condition Entry { get; }

    public Condition Exit { get; }

    /// <summary>The deeper of the two trees.</summary>
    public int Depth => Math.Max(Entry.Depth, Exit.Depth);

    public override string ToString() => $"entry: {Entry}; exit: {Exit}";

    /// <summary>The rule written by <see cref="ToString"/>; bad text throws <see cref="RuleParseException"/>.</summary>
    public static TradingRule Parse(string text) => RuleParser.ParseRule(text);
}
