using System.Text;

namespace ActorTrader.Data.Providers.Csv;

/// <summary>
/// Reads RFC 4180 records (comma-separated, optional double quotes with "" escapes, quoted line breaks) and
/// remembers where each field starts, so errors can name file:line:column. Blank lines are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string fileName)
{
    private int _line;

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public List<CsvField>? Read()
    {
        string? text;
        do
        {
            text = reader.ReadLine();
            if (text is null) return null;
            _line++;
        }
        while (text.Length == 0);

        var fields = new List<CsvField>();
        var value = new StringBuilder();
        var position = 0;
        while (true)
        {
            var fieldLine = _line;
            var fieldColumn = position + 1;
            value.Clear();
            if (position < text.Length && text[position] == '"')
            {
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        // A quoted field may span lines.
                        var next = reader.ReadLine()
                            ?? throw new CsvFormatException(fileName, fieldLine, fieldColumn, "A quoted field is never closed.", "Close the quote or remove it.");
                        _line++;
                        value.Append('\n');
                        text = next;
                        position = 0;
                        continue;
                    }
                    var c = text[position++];
                    if (c != '"')
                    {
                        value.Append(c);
                    }
                    else if (position < text.Length && text[position] == '"')
                    {
                        value.Append('"');
                        position++;
                    }
                    else
                    {
                        break;
                    }
                }
                if (position < text.Length && text[position] != ',')
                {
                    throw new CsvFormatException(fileName, _line, position + 1,
                        $"Unexpected '{text[position]}' after a closing quote.", "Put a comma after the closing quote, or double the quote inside the field.");
                }
            }
            else
            {
                var comma = text.IndexOf(',', position);
                var end = comma < 0 ? text.Length : comma;
                value.Append(text, position, end - position);
                position = end;
            }
            fields.Add(new CsvField(value.ToString(), fieldLine, fieldColumn));
            if (position >= text.Length) return fields;
            position++; // the comma
            if (position == text.Length)
            {
                fields.Add(new CsvField("", _line, position + 1));
                return fields;
            }
        }
    }
}
