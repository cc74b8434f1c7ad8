namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>One combination of our writer's options, named for test output.</summary>
public sealed record WriterVariant(ParquetCompression Compression, bool Dictionary, int PageVersion, bool DeltaTimestamps)
{
    public ParquetWriterOptions Options => new()
    {
        Compression = Compression,
        UseDictionary = Dictionary,
        DataPageVersion = PageVersion,
        DeltaEncodeTimestamps = DeltaTimestamps,
        // Small pages so that every column chunk spans several pages.
        DataPageBytes = 16 * 1024,
    };

    /// <summary>Every combination: 3 codecs x dictionary on/off x page v1/v2 x delta timestamps on/off.</summary>
    /// <remarks>Primitive theory arguments keep each case a separate, named test in xunit's discovery.</remarks>
    public static TheoryData<ParquetCompression, bool, int, bool> All()
    {
        var data = new TheoryData<ParquetCompression, bool, int, bool>();
        foreach (var compression in Enum.GetValues<ParquetCompression>())
        foreach (var dictionary in new[] { true, false })
        foreach (var pageVersion in new[] { 1, 2 })
        foreach (var delta in new[] { true, false })
            data.Add(compression, dictionary, pageVersion, delta);
        return data;
    }

    public override string ToString() =>
        $"{Compression}, dictionary {(Dictionary ? "on" : "off")}, page v{PageVersion}, delta timestamps {(DeltaTimestamps ? "on" : "off")}";
}
