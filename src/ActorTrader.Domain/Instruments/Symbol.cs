namespace ActorTrader.Domain.Instruments;

/// <summary>
/// An instrument named by its exchange and ticker, written <c>EXCHANGE:TICKER</c> (<c>NASDAQ:AAPL</c>,
/// <c>CRYPTO:BTC/USD</c>). Both parts are upper case; the ticker may contain '.', '/' and '-'.
/// </summary>
public readonly record struct Symbol : IComparable<Symbol>
{
    public Symbol(string exchange, string ticker)
    {
        Exchange = Normalize(exchange, nameof(exchange));
        Ticker = Normalize(ticker, nameof(ticker));
    }

    public string Exchange { get; }

    public string Ticker { get; }

    public static Symbol Parse(string text)
    {
        if (TryParse(text, out var symbol, out var error)) return symbol;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out Symbol symbol, out string error)
    {
        symbol = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1 || text.IndexOf(':', colon + 1) >= 0)
        {
            error = $"Symbol \"{text}\" is not EXCHANGE:TICKER. Fix: write it like NASDAQ:AAPL or CRYPTO:BTC/USD.";
            return false;
        }
        var exchange = text[..colon].Trim();
        var ticker = text[(colon + 1)..].Trim();
        if (!IsValidPart(exchange) || !IsValidPart(ticker))
        {
            error = $"Symbol \"{text}\" has characters other than letters, digits, '.', '/', '-' and '_'. Fix: write it like NASDAQ:AAPL.";
            return false;
        }
        symbol = new Symbol(exchange, ticker);
        error = "";
        return true;
    }

    public int CompareTo(Symbol other)
    {
        var byExchange = string.CompareOrdinal(Exchange, other.Exchange);
        return byExchange != 0 ? byExchange : string.CompareOrdinal(Ticker, other.Ticker);
    }

    public override string ToString() => $"{Exchange}:{Ticker}";

    public static bool operator <(Symbol left, Symbol right) => left.CompareTo(right) < 0;

    public static bool operator <=(Symbol left, Symbol right) => left.CompareTo(right) <= 0;

    public static bool operator >(Symbol left, Symbol right) => left.CompareTo(right) > 0;

    public static bool operator >=(Symbol left, Symbol right) => left.CompareTo(right) >= 0;

    private static bool IsValidPart(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_');

    private static string Normalize(string part, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(part, name);
        var upper = part.Trim().ToUpperInvariant();
        if (!IsValidPart(upper))
            throw new ArgumentException($"\"{part}\" is not a valid {name}. Fix: use letters, digits, '.', '/', '-' and '_'.", name);
        return upper;
    }
}
