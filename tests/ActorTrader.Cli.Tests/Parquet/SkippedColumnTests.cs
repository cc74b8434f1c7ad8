using System.Text;
using ActorTrader.Cli.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

/// <summary>
/// A column the reader cannot decode (here a map) is named on the warnings writer by schema and cat, never
/// dropped silently. The file is built byte by byte: a footer (Thrift compact protocol) with no row groups
/// and the schema { required int32 id; optional group m (MAP) { repeated group key_value { required int32 key; } } }.
/// </summary>
public sealed class SkippedColumnTests : IDisposable
{
    private const string Skipped = "column m.key_value.key skipped: ";
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string MapFile()
    {
        var footer = new List<byte>();
        void Varint(ulong v)
        {
            while (v >= 0x80) { footer.Add((byte)(v | 0x80)); v >>= 7; }
            footer.Add((byte)v);
        }
        void I32(int delta, int value) { footer.Add((byte)((delta << 4) | 5)); Varint((ulong)((value << 1) ^ (value >> 31))); }
        void Name(int delta, string name) { footer.Add((byte)((delta << 4) | 8)); Varint((ulong)name.Length); footer.AddRange(Encoding.UTF8.GetBytes(name)); }

        // SchemaElement fields: 1 type, 3 repetition_type, 4 name, 5 num_children, 6 converted_type.
        void Element(int? type, int? repetition, string name, int? children, int? converted)
        {
            var last = 0;
            if (type is { } t) { I32(1 - last, t); last = 1; }
            if (repetition is { } r) { I32(3 - last, r); last = 3; }
            Name(4 - last, name); last = 4;
            if (children is { } c) { I32(5 - last, c); last = 5; }
            if (converted is { } k) { I32(6 - last, k); }
            footer.Add(0);
        }

        I32(1, 1); // version
        footer.Add(0x19); footer.Add((5 << 4) | 12); // schema (field 2): list of 5 structs
        Element(null, null, "schema", 2, null);
        Element(1, 0, "id", null, null); // INT32 REQUIRED
        Element(null, 1, "m", 1, 1); // OPTIONAL, MAP
        Element(null, 2, "key_value", 1, null); // REPEATED
        Element(1, 0, "key", null, null);
        footer.Add(0x16); Varint(0); // num_rows (i64) = 0
        footer.Add(0x19); footer.Add(0x0C); // row_groups: empty list of structs
        footer.Add(0);

        var bytes = new List<byte>("PAR1"u8.ToArray());
        bytes.AddRange(footer);
        bytes.AddRange(BitConverter.GetBytes(footer.Count));
        bytes.AddRange("PAR1"u8.ToArray());
        var path = _files.Path("map.parquet");
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    [Fact]
    public void Schema_names_the_skipped_map_column_and_its_reason()
    {
        var output = new StringWriter();
        var warnings = new StringWriter();

        SchemaPrinter.Print(MapFile(), output, warnings);

        var line = Assert.Single(warnings.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith(Skipped, line, StringComparison.Ordinal);
        Assert.Contains("maps", line, StringComparison.Ordinal);
        Assert.Contains(output.ToString().ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("id ", StringComparison.Ordinal));
    }

    [Fact]
    public void Cat_names_the_skipped_map_column_and_prints_the_others()
    {
        var output = new StringWriter();
        var warnings = new StringWriter();

        ParquetCat.Write(MapFile(), output, CatFormat.Csv, warnings: warnings);

        Assert.StartsWith(Skipped, warnings.ToString(), StringComparison.Ordinal);
        Assert.Equal("id\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("cat")]
    public void The_commands_write_skipped_columns_to_their_error_writer(string command)
    {
        var root = new System.CommandLine.RootCommand { ActorTrader.Cli.Commands.ParquetCommands.Create() };
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = root.Parse(["parquet", command, MapFile()]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });

        Assert.Equal(0, exit);
        Assert.StartsWith(Skipped, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Skipped, output.ToString(), StringComparison.Ordinal);
    }
}
