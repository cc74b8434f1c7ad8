namespace ActorTrader.Parquet.Thrift;

/// <summary>ZigZag mapping of signed to unsigned integers (small magnitudes become small varints).</summary>
internal static class ZigZag
{
    public static uint Encode32(int value) => (uint)((value << 1) ^ (value >> 31));

    public static ulong Encode64(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static int Decode32(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    public static long Decode64(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
