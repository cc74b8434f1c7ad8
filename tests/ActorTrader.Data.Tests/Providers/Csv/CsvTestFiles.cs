using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ActorTrader.Data.Tests.Providers.Csv;

/// <summary>Where the sample files are, and throw-away directories for malformed inputs.</summary>
internal static class CsvTestFiles
{
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "csv", "samples");

    public static string SamplePath(string name) => Path.Combine(SamplesDirectory, name);

    /// <summary>The lines of a sample file, decompressing .gz, split into cells the simple way (no quotes in the samples).</summary>
    public static List<string[]> ReadCells(string name)
    {
        using var stream = File.OpenRead(SamplePath(name));
        using var data = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(data, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) rows.Add(line.Split(','));
        }
        return rows;
    }

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
