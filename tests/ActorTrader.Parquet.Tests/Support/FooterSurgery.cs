using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Tests.Support;

/// <summary>Rewrites a file's footer through the internal Thrift model, to build files other writers could produce.</summary>
public static class FooterSurgery
{
    internal static void Rewrite(string path, Action<FileMetaData> change)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        var dataEnd = bytes.Length - 8 - footerLength;
        var reader = new CompactReader(bytes.AsSpan(dataEnd, footerLength));
        var footer = FileMetaData.Read(ref reader);
        change(footer);
        var writer = new CompactWriter();
        footer.Write(writer);
        using var output = new MemoryStream();
        output.Write(bytes, 0, dataEnd);
        output.Write(writer.WrittenSpan);
        output.Write(BitConverter.GetBytes(writer.WrittenSpan.Length));
        output.Write("PAR1"u8);
        System.IO.File.WriteAllBytes(path, output.ToArray());
    }

    internal static FileMetaData Read(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        var reader = new CompactReader(bytes.AsSpan(bytes.Length - 8 - footerLength, footerLength));
        return FileMetaData.Read(ref reader);
    }
}
