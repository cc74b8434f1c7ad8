using System.Text;

namespace ActorTrader.Cli.Parquet;

/// <summary>One CSV field: its text (null for an empty unquoted field) and where it starts, for error messages.</summary>
internal readonly record struct CsvCell(string? Text, int Line, int Column);

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, line
/// breaks and doubled quotes), CRLF or LF line ends. An empty unquoted field is null; a quoted empty field
/// is the empty string. Errors name <c>source:line:col</c>.
/// </summary>
internal sealed class CsvRecordReader(TextReader input, string source)
{
    private int _line = 1;
    private int _column = 1;

    /// <summary>The next record, or null at end of input. A blank line yields no record.</summary>
    public CsvCell[]? Read()
    {
        while (true)
        {
            if (input.Peek() < 0) return null;
            if (input.Peek() is '\r' or '\n')
            {
                SkipLineEnd();
                continue;
            }
            var cells = new List<CsvCell>();
            while (true)
            {
                cells.Add(ReadCell());
                var next = input.Peek();
                if (next == ',')
                {
                    Next();
                    continue;
                }
                if (next >= 0) SkipLineEnd();
                return cells.ToArray();
            }
        }
    }

    private CsvCell ReadCell()
    {
        int line = _line, column = _column;
        if (input.Peek() != '"')
        {
            var text = new StringBuilder();
            while (input.Peek() is >= 0 and not (',' or '\r' or '\n'))
            {
                var c = Next();
                if (c == '"') throw new ParquetToolException($"{source}:{_line}:{_column - 1}: a quote inside an unquoted field; quote the whole field and double the quote (\"\").");
                text.Append(c);
            }
            return new CsvCell(text.Length == 0 ? null : text.ToString(), line, column);
        }

        Next();
        var quoted = new StringBuilder();
        while (true)
        {
            var c = input.Peek();
            if (c < 0) throw new ParquetToolException($"{source}:{line}:{column}: the quoted field never ends; close it with a \".");
            Next();
            if (c != '"')
            {
                quoted.Append((char)c);
                continue;
            }
            if (input.Peek() == '"')
            {
                Next();
                quoted.Append('"');
                continue;
            }
            if (input.Peek() is >= 0 and not (',' or '\r' or '\n'))
                throw new ParquetToolException($"{source}:{_line}:{_column}: text after a closing quote; put the whole field in quotes and double inner quotes.");
            return new CsvCell(quoted.ToString(), line, column);
        }
    }

    private char Next()
    {
        var c = (char)input.Read();
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else if (c != '\r')
        {
            _column++;
        }
        return c;
    }

    private void SkipLineEnd()
    {
        if (input.Peek() == '\r') Next();
        if (input.Peek() == '\n') Next();
    }
}
