using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon.Parsing;

/// <summary>
/// A scannerless recursive-descent parser for one HOCON (or JSON) document. It builds unresolved
/// <see cref="Node"/>s; includes are loaded through the <see cref="DocumentLoader"/> and merged in place.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly string _text;
    private readonly DocumentOrigin _origin;
    private readonly DocumentLoader _loader;
    private readonly IReadOnlyList<string> _includePrefix;
    private readonly List<int> _lineStarts = [0];
    private int _pos;

    /// <summary>Objects and arrays enclosing the current position, counted from the root of the whole config.</summary>
    private int _depth;

    private HoconParser(string text, DocumentOrigin origin, DocumentLoader loader, IReadOnlyList<string> includePrefix, int depth)
    {
        _text = text;
        _origin = origin;
        _loader = loader;
        _includePrefix = includePrefix;
        _depth = depth;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>
    /// Parses a whole document; its root must be an object (braces optional). <paramref name="depth"/> is the nesting
    /// of the object the document lands in (0 for a top-level document) so includes count towards the depth limit.
    /// </summary>
    public static ObjectNode Parse(string text, DocumentOrigin origin, DocumentLoader loader, IReadOnlyList<string> includePrefix, int depth) =>
        new HoconParser(text, origin, loader, includePrefix, depth).ParseDocument();

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Next => _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';

    private ObjectNode ParseDocument()
    {
        SkipWhitespaceAndComments(newlines: true);
        ObjectNode root;
        if (Current == '{' && !AtEnd)
        {
            root = ParseBracedObject([]);
            SkipWhitespaceAndComments(newlines: true);
            if (!AtEnd)
            {
                throw Unexpected("after the closing '}' of the root object; remove it or put it inside the braces");
            }
        }
        else if (Current == '[' && !AtEnd)
        {
            throw Error("The root of a HOCON document must be an object, not an array; wrap it in a field such as 'items = [...]'", PositionAt(_pos), "[");
        }
        else
        {
            root = new ObjectNode(PositionAt(_pos));
            Enter(_pos, 1);
            ParseFields(root, [], closing: null, openedAt: _pos);
            _depth--;
        }

        return root;
    }

    private ObjectNode ParseBracedObject(IReadOnlyList<string>? path)
    {
        var open = _pos;
        Enter(open, 1);
        _pos++;
        var obj = new ObjectNode(PositionAt(open));
        ParseFields(obj, path, closing: '}', openedAt: open);
        _pos++;
        _depth--;
        return obj;
    }

    /// <summary>Fields until the closing brace (left unconsumed) or, for a root without braces, the end of the text.</summary>
    private void ParseFields(ObjectNode obj, IReadOnlyList<string>? path, char? closing, int openedAt)
    {
        while (true)
        {
            SkipWhitespaceAndComments(newlines: true);
            if (AtEnd)
            {
                if (closing is null)
                {
                    return;
                }

                throw Error($"Unbalanced braces: '{{' opened here is never closed; add a '}}' before the end of the input", PositionAt(openedAt), "{");
            }

            if (Current == closing)
            {
                return;
            }

            if (Current is ',' or '}' or ']')
            {
                throw Unexpected(Current == ','
                    ? "where a key was expected; remove the extra ','"
                    : "where a key was expected; braces and brackets are unbalanced");
            }

            if (AtIncludeStatement())
            {
                ParseInclude(obj, path);
            }
            else
            {
                ParseField(obj, path);
            }

            SkipWhitespaceAndComments(newlines: false);
            if (AtEnd || Current == '\n' || Current == closing)
            {
                continue;
            }

            if (Current == ',')
            {
                _pos++;
                continue;
            }

            throw Unexpected("after a value; separate fields with ',' or a newline");
        }
    }

    private void ParseField(ObjectNode obj, IReadOnlyList<string>? path)
    {
        var keyStart = _pos;
        var key = ParsePathExpression(PathContext.Key);
        var keyText = _text[keyStart.._pos];
        SkipWhitespaceAndComments(newlines: true);
        var fieldPath = path is null ? null : Concat(path, key);

        // "a.b.c = v" nests v in two more objects than "a = v".
        Enter(keyStart, key.Count - 1);
        Node value;
        if (Current == '{' && !AtEnd)
        {
            value = ParseBracedObject(fieldPath);
        }
        else if (Current is ':' or '=' && !AtEnd)
        {
            _pos++;
            SkipWhitespaceAndComments(newlines: true);
            value = ParseValue(fieldPath, HoconPath.Format(key));
        }
        else if (Current == '+' && Next == '=')
        {
            var at = PositionAt(_pos);
            _pos += 2;
            SkipWhitespaceAndComments(newlines: true);
            var element = ParseValue(null, HoconPath.Format(key));
            // a += b is a = ${?a} [b] (spec, "The += field separator").
            var selfPath = fieldPath ?? key;
            var self = new SubstitutionNode(at, selfPath, optional: true, _includePrefix, $"${{?{HoconPath.Format(selfPath)}}}");
            value = new ConcatenationNode(at, [self, new ArrayNode(element.Position, [element])]);
        }
        else
        {
            throw Error($"Key '{keyText}' has no value: expected ':', '=', '+=' or '{{' after it but found '{CurrentToken()}'", PositionAt(keyStart), keyText);
        }

        _depth -= key.Count - 1;
        for (var i = key.Count - 1; i > 0; i--)
        {
            var wrapper = new ObjectNode(PositionAt(keyStart));
            wrapper.Assign(key[i], value);
            value = wrapper;
        }

        obj.Assign(key[0], value);
    }

    /// <summary>A value: one or more simple values on one line, concatenated (whitespace between them is kept).</summary>
    private Node ParseValue(IReadOnlyList<string>? path, string context)
    {
        if (!AtValueStart())
        {
            throw AtEnd
                ? Error($"Expected a value after '{context}' but the input ended", PositionAt(_pos), context)
                : Unexpected($"where a value was expected (after '{context}')");
        }

        var start = _pos;
        var parts = new List<Node>();
        while (true)
        {
            parts.Add(ParseSimpleValue(path));
            var whitespaceStart = _pos;
            SkipInlineWhitespace();
            if (!AtValueStart())
            {
                break;
            }

            if (_pos > whitespaceStart)
            {
                parts.Add(new ScalarNode(PositionAt(whitespaceStart), HoconValueKind.String, _text[whitespaceStart.._pos], isWhitespace: true));
            }
        }

        return parts.Count == 1 ? parts[0] : new ConcatenationNode(PositionAt(start), parts);
    }

    private bool AtValueStart() =>
        !AtEnd && (Current is '{' or '[' or '"' or '$' || (CharClasses.IsUnquotedChar(Current) && !AtComment()));

    private Node ParseSimpleValue(IReadOnlyList<string>? path)
    {
        switch (Current)
        {
            case '{':
                return ParseBracedObject(path);
            case '[':
                return ParseArray();
            case '"':
                var at = PositionAt(_pos);
                return new ScalarNode(at, HoconValueKind.String, IsTripleQuote() ? ParseTripleQuoted() : ParseQuoted());
            case '$':
                return ParseSubstitution();
            default:
                return ParseUnquotedValue();
        }
    }

    private ScalarNode ParseUnquotedValue()
    {
        var start = _pos;
        var text = ReadUnquoted(allowExponentSign: true);
        var at = PositionAt(start);
        return text switch
        {
            "true" or "false" => new ScalarNode(at, HoconValueKind.Boolean, text),
            "null" => new ScalarNode(at, HoconValueKind.Null, text),
            _ when NumberText().IsMatch(text) => new ScalarNode(at, HoconValueKind.Number, text),
            _ => new ScalarNode(at, HoconValueKind.String, text),
        };
    }

    private string ReadUnquoted(bool allowExponentSign)
    {
        var start = _pos;
        while (!AtEnd)
        {
            var c = Current;
            if (CharClasses.IsUnquotedChar(c) && !AtComment())
            {
                _pos++;
            }
            else if (c == '+' && allowExponentSign && ExponentPrefix().IsMatch(_text.AsSpan(start, _pos - start)))
            {
                // The '+' of "1e+5" belongs to the number although '+' is otherwise forbidden unquoted.
                _pos++;
            }
            else
            {
                break;
            }
        }

        if (_pos == start)
        {
            throw Unexpected("where a value was expected");
        }

        return _text[start.._pos];
    }

    private ArrayNode ParseArray()
    {
        var open = _pos;
        Enter(open, 1);
        _pos++;
        var items = new List<Node>();
        while (true)
        {
            SkipWhitespaceAndComments(newlines: true);
            if (AtEnd)
            {
                throw Error("Unbalanced brackets: '[' opened here is never closed; add a ']' before the end of the input", PositionAt(open), "[");
            }

            if (Current == ']')
            {
                _pos++;
                _depth--;
                return new ArrayNode(PositionAt(open), items);
            }

            if (Current == ',')
            {
                throw Unexpected("in an array; remove the extra ','");
            }

            items.Add(ParseValue(null, "["));
            SkipWhitespaceAndComments(newlines: false);
            if (Current == ',' && !AtEnd)
            {
                _pos++;
            }
            else if (!AtEnd && Current is not '\n' and not ']')
            {
                throw Unexpected("in an array; separate elements with ',' or a newline, or close it with ']'");
            }
        }
    }

    private bool IsTripleQuote() => string.CompareOrdinal(_text, _pos, "\"\"\"", 0, 3) == 0;

    private string ParseTripleQuoted()
    {
        var open = _pos;
        var contentStart = _pos + 3;
        var close = _text.IndexOf("\"\"\"", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("Unterminated triple-quoted string; close it with \"\"\"", PositionAt(open), Excerpt(open));
        }

        // Quotes before the final three belong to the string (spec: """foo"""" is foo").
        var end = close + 3;
        while (end < _text.Length && _text[end] == '"')
        {
            end++;
        }

        _pos = end;
        return _text[contentStart..(end - 3)];
    }

    private string ParseQuoted()
    {
        var open = _pos;
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw Error("Unterminated quoted string; close it with '\"' on the same line (use \"\"\" for multi-line text)", PositionAt(open), Excerpt(open));
            }

            var c = Current;
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            var escapeAt = _pos;
            _pos++;
            switch (Current)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when _pos + 4 < _text.Length
                              && int.TryParse(_text.AsSpan(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    var token = _text.Substring(escapeAt, Math.Min(AtEnd ? 1 : 2, _text.Length - escapeAt));
                    throw Error($"Invalid escape '{token}' in quoted string; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX", PositionAt(escapeAt), token);
            }

            _pos++;
        }
    }

    private SubstitutionNode ParseSubstitution()
    {
        var start = _pos;
        var at = PositionAt(start);
        if (Next != '{')
        {
            throw Error("Bad substitution: '$' must start a substitution such as ${a.b}; quote the text if you meant a literal '$'", at, Excerpt(start));
        }

        _pos += 2;
        SkipInlineWhitespace();
        var optional = false;
        if (Current == '?' && !AtEnd)
        {
            optional = true;
            _pos++;
            SkipInlineWhitespace();
        }

        if (Current == '}' || AtEnd || !(Current == '"' || CharClasses.IsUnquotedChar(Current)))
        {
            throw Error(AtEnd || Current == '\n'
                ? "Bad substitution: '${' is never closed; write ${path}"
                : "Bad substitution: expected a path such as ${a.b} after '${'", at, Excerpt(start));
        }

        var path = ParsePathExpression(PathContext.Substitution, start);
        SkipInlineWhitespace();
        if (Current != '}' || AtEnd)
        {
            throw Error(AtEnd || Current == '\n'
                ? "Bad substitution: '${' is never closed; end it with '}'"
                : $"Bad substitution: unexpected '{Current}' in the path; substitution paths hold keys and dots only", at, Excerpt(start));
        }

        _pos++;
        return new SubstitutionNode(at, path, optional, _includePrefix, _text[start.._pos]);
    }

    private enum PathContext
    {
        Key,
        Substitution,
    }

    /// <summary>A path expression: unquoted runs split at dots, quoted elements kept whole, inner whitespace kept.</summary>
    private List<string> ParsePathExpression(PathContext context, int? substitutionStart = null)
    {
        var start = _pos;
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        while (!AtEnd)
        {
            if (Current == '"')
            {
                current.Append(IsTripleQuote() ? ParseTripleQuoted() : ParseQuoted());
                hasContent = true;
            }
            else if (CharClasses.IsUnquotedChar(Current) && !AtComment())
            {
                var runStart = _pos;
                var run = ReadUnquoted(allowExponentSign: false);
                for (var i = 0; i < run.Length; i++)
                {
                    if (run[i] != '.')
                    {
                        current.Append(run[i]);
                        hasContent = true;
                        continue;
                    }

                    if (!hasContent)
                    {
                        throw EmptyPathElement(context, runStart + i, substitutionStart ?? start);
                    }

                    segments.Add(current.ToString());
                    current.Clear();
                    hasContent = false;
                }
            }
            else if (CharClasses.IsInlineWhitespace(Current))
            {
                var whitespaceStart = _pos;
                SkipInlineWhitespace();
                var continues = !AtEnd && (Current == '"' || (CharClasses.IsUnquotedChar(Current) && !AtComment()));
                if (!continues)
                {
                    _pos = whitespaceStart;
                    break;
                }

                current.Append(_text, whitespaceStart, _pos - whitespaceStart);
            }
            else
            {
                break;
            }
        }

        if (!hasContent)
        {
            if (_pos == start)
            {
                throw context == PathContext.Key
                    ? Unexpected("where a key was expected")
                    : Error("Bad substitution: expected a path such as ${a.b}", PositionAt(substitutionStart ?? start), Excerpt(substitutionStart ?? start));
            }

            throw EmptyPathElement(context, _pos, substitutionStart ?? start);
        }

        segments.Add(current.ToString());
        return segments;
    }

    private HoconException EmptyPathElement(PathContext context, int at, int start)
    {
        var what = context == PathContext.Key ? "Key" : "Bad substitution: path";
        return Error($"{what} '{_text[start..Math.Min(_text.Length, at + 1)]}' has an empty element; separate keys with single dots or quote an empty key as \"\"",
            PositionAt(at), Excerpt(start));
    }

    private bool AtIncludeStatement()
    {
        if (string.CompareOrdinal(_text, _pos, "include", 0, 7) != 0 || _pos + 7 >= _text.Length
            || !CharClasses.IsInlineWhitespace(_text[_pos + 7]))
        {
            return false;
        }

        var after = _pos + 7;
        while (after < _text.Length && CharClasses.IsInlineWhitespace(_text[after]))
        {
            after++;
        }

        return after < _text.Length && (_text[after] == '"' || StartsWithAny(after, "required(", "file(", "classpath(", "url("));
    }

    private bool StartsWithAny(int at, params string[] words) =>
        words.Any(word => string.CompareOrdinal(_text, at, word, 0, word.Length) == 0);

    private void ParseInclude(ObjectNode obj, IReadOnlyList<string>? path)
    {
        var start = _pos;
        _pos += 7;
        SkipInlineWhitespace();
        var required = false;
        if (StartsWithAny(_pos, "required("))
        {
            required = true;
            _pos += "required(".Length;
            SkipInlineWhitespace();
        }

        var kind = IncludeKind.Heuristic;
        var wrapped = false;
        foreach (var (word, wordKind) in new[] { ("file(", IncludeKind.File), ("classpath(", IncludeKind.Classpath), ("url(", IncludeKind.Url) })
        {
            if (StartsWithAny(_pos, word))
            {
                kind = wordKind;
                wrapped = true;
                _pos += word.Length;
                SkipInlineWhitespace();
                break;
            }
        }

        if (Current != '"' || AtEnd)
        {
            throw Error("Bad include: expected a quoted name, as in include \"file.conf\" or include required(file(\"file.conf\"))", PositionAt(_pos), Excerpt(start));
        }

        var name = ParseQuoted();
        for (var closers = (wrapped ? 1 : 0) + (required ? 1 : 0); closers > 0; closers--)
        {
            SkipInlineWhitespace();
            if (Current != ')' || AtEnd)
            {
                throw Error("Bad include: missing ')'", PositionAt(_pos), Excerpt(start));
            }

            _pos++;
        }

        var request = new IncludeRequest(kind, name, required, PositionAt(start), _text[start.._pos]);
        var prefix = path is null ? [] : Concat(_includePrefix, path);
        var included = _loader.Include(request, _origin, prefix, _depth - 1);
        foreach (var key in included.Keys)
        {
            obj.Assign(key, included[key]);
        }
    }

    /// <summary>Opens <paramref name="levels"/> more levels of nesting, failing cleanly before the stack could overflow.</summary>
    private void Enter(int at, int levels)
    {
        _depth += levels;
        if (_depth > HoconLimits.MaxDepth)
        {
            throw Error($"Objects and arrays nest deeper than {HoconLimits.MaxDepth} levels here; flatten the structure (nested keys, includes and brackets all count)",
                PositionAt(at), Excerpt(at));
        }
    }

    private void SkipInlineWhitespace()
    {
        while (!AtEnd && CharClasses.IsInlineWhitespace(Current))
        {
            _pos++;
        }
    }

    private bool AtComment() => Current == '#' || (Current == '/' && Next == '/');

    private void SkipWhitespaceAndComments(bool newlines)
    {
        while (!AtEnd)
        {
            if (CharClasses.IsInlineWhitespace(Current) || (newlines && Current == '\n'))
            {
                _pos++;
            }
            else if (AtComment())
            {
                while (!AtEnd && Current != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }
    }

    private HoconPosition PositionAt(int index)
    {
        var line = _lineStarts.BinarySearch(index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new HoconPosition(_origin.Name, line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>The offending token: the rest of the line from <paramref name="start"/>, shortened.</summary>
    private string Excerpt(int start)
    {
        var end = start;
        while (end < _text.Length && _text[end] != '\n' && end - start < 24)
        {
            end++;
        }

        return _text[start..end].TrimEnd('\r');
    }

    private string CurrentToken()
    {
        if (AtEnd)
        {
            return "end of input";
        }

        if (!CharClasses.IsUnquotedChar(Current))
        {
            return Current == '\n' ? "newline" : Current.ToString();
        }

        var end = _pos;
        while (end < _text.Length && CharClasses.IsUnquotedChar(_text[end]) && end - _pos < 24)
        {
            end++;
        }

        return _text[_pos..end];
    }

    private HoconException Unexpected(string where)
    {
        var token = CurrentToken();
        return Error($"Unexpected '{token}' {where}", PositionAt(_pos), token);
    }

    private static HoconException Error(string message, HoconPosition at, string token) => new(message, at, token);

    private static List<string> Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var all = new List<string>(first.Count + second.Count);
        all.AddRange(first);
        all.AddRange(second);
        return all;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?[eE]$", RegexOptions.CultureInvariant)]
    private static partial Regex ExponentPrefix();
}
