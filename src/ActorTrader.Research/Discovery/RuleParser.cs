using System.Globalization;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// Reads the text form of rules. Grammar (whitespace between tokens ignored, names lower case):
/// <code>
/// rule       := "entry" ":" condition ";" "exit" ":" condition
/// condition  := ("and" | "or") "(" condition "," condition ")" | "not" "(" condition ")"
///             | ("gt" | "lt" | "crosses_above" | "crosses_below") "(" indicator "," operand ")"
/// operand    := indicator | number                      number: invariant culture, e.g. 30, -0.05, 1E-07
/// indicator  := "close" | ("sma" | "ema" | "rsi" | "ret" | "vol" | "zscore") "(" window ")"
/// </code>
/// Errors are <see cref="RuleParseException"/>s naming the position and token. Nesting is limited to
/// <see cref="MaxNesting"/> levels so hostile text cannot exhaust the stack.
/// </summary>
public static class RuleParser
{
    /// <summary>Deepest condition nesting accepted.</summary>
    public const int MaxNesting = 64;

    public static TradingRule ParseRule(string text)
    {
        var p = new Cursor(text);
        p.ExpectWord("entry");
        p.Expect(":");
        var entry = p.ReadCondition(1);
        p.Expect(";");
        p.ExpectWord("exit");
        p.Expect(":");
        var exit = p.ReadCondition(1);
        p.ExpectEnd();
        return new TradingRule(entry, exit);
    }

    public static Condition ParseCondition(string text)
    {
        var p = new Cursor(text);
        var condition = p.ReadCondition(1);
        p.ExpectEnd();
        return condition;
    }

    private readonly record struct Token(string Text, int Position, bool IsEnd = false)
    {
        public string Shown => IsEnd ? "end of text" : Text;
    }

    private sealed class Cursor
    {
        private readonly string _text;
        private readonly List<Token> _tokens;
        private int _next;

        public Cursor(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            _text = text;
            _tokens = Tokenise(text);
        }

        private Token Peek => _tokens[_next];

        private Token Take()
        {
            var token = _tokens[_next];
            if (!token.IsEnd) _next++;
            return token;
        }

        public Condition ReadCondition(int nesting)
        {
            var token = Take();
            if (nesting > MaxNesting) throw Error(token, $"conditions are nested more than {MaxNesting} deep.");
            switch (token.Text)
            {
                case "and" or "or":
                {
                    Expect("(");
                    var left = ReadCondition(nesting + 1);
                    Expect(",");
                    var right = ReadCondition(nesting + 1);
                    Expect(")");
                    return token.Text == "and" ? new AndCondition(left, right) : new OrCondition(left, right);
                }
                case "not":
                {
                    Expect("(");
                    var operand = ReadCondition(nesting + 1);
                    Expect(")");
                    return new NotCondition(operand);
                }
            }
            if (!token.IsEnd && ComparisonOperators.FromName(token.Text) is { } op)
            {
                Expect("(");
                var left = IndicatorAt(Take(), "the left side of a comparison must be an indicator (close, sma(n), ema(n), rsi(n), ret(n), vol(n), zscore(n)).");
                Expect(",");
                var right = OperandAt(Take());
                Expect(")");
                return new Comparison(op, left, right);
            }
            throw Error(token, "expected a condition: and, or, not, gt, lt, crosses_above or crosses_below.");
        }

        private Operand OperandAt(Token token)
        {
            if (!token.IsEnd && token.Text.Length > 0 && (char.IsAsciiDigit(token.Text[0]) || token.Text[0] is '-' or '+' or '.'))
            {
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw Error(token, "is not a number (use invariant culture, e.g. 30, -0.05, 1E-07).");
                if (!double.IsFinite(value)) throw Error(token, "is not a finite number.");
                return new Constant(value);
            }
            return IndicatorAt(token, "expected an indicator (close, sma(n), ema(n), rsi(n), ret(n), vol(n), zscore(n)) or a number.");
        }

        private Indicator IndicatorAt(Token token, string expectation)
        {
            if (token.IsEnd || Indicators.FromName(token.Text) is not { } kind) throw Error(token, expectation);
            if (!kind.HasWindow()) return new Indicator(kind);
            Expect("(");
            var windowToken = Take();
            if (!int.TryParse(windowToken.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var window) ||
                window is < Indicator.MinWindow or > Indicator.MaxWindow)
                throw Error(windowToken, $"the window of {kind.Name()} must be a whole number in [{Indicator.MinWindow}, {Indicator.MaxWindow}].");
            Expect(")");
            return new Indicator(kind, window);
        }

        public void Expect(string symbol)
        {
            var token = Take();
            if (token.IsEnd || token.Text != symbol) throw Error(token, $"expected '{symbol}'.");
        }

        public void ExpectWord(string word)
        {
            var token = Take();
            if (token.IsEnd || token.Text != word) throw Error(token, $"expected '{word}'.");
        }

        public void ExpectEnd()
        {
            if (!Peek.IsEnd) throw Error(Peek, "expected the end of the text.");
        }

        private RuleParseException Error(Token token, string problem) => new(_text, token.Position, token.Shown, problem);

        private static List<Token> Tokenise(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                var start = i;
                if (c is '(' or ')' or ',' or ':' or ';')
                {
                    i++;
                }
                else if (char.IsAsciiLetterLower(c) || c == '_')
                {
                    while (i < text.Length && (char.IsAsciiLetterLower(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
                }
                else if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
                {
                    i++;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' ||
                                               (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E'))) i++;
                }
                else
                {
                    throw new RuleParseException(text, i, c.ToString(), "unexpected character; rules use lower-case names, numbers and ( ) , : ;.");
                }
                tokens.Add(new Token(text[start..i], start));
            }
            tokens.Add(new Token("", text.Length, IsEnd: true));
            return tokens;
        }
    }
}
