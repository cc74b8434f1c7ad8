using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ActorTrader.Parquet.Encodings;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}"/>; reused across pages to avoid garbage.</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _array;

    public ByteBuffer(int initialCapacity = 4096)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, Length);

    public byte[] Array => _array;

    public void Clear() => Length = 0;

    /// <summary>Returns a writable span of at least <paramref name="size"/> bytes at the end; call <see cref="Advance"/> after.</summary>
    public Span<byte> GetSpan(int size)
    {
        EnsureCapacity(Length + size);
        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        EnsureCapacity(Length + 1);
        _array[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        Length += 4;
    }

    public void WriteVarint(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        Length += i;
    }

    public void WriteValues<T>(ReadOnlySpan<T> values)
        where T : unmanaged => Write(MemoryMarshal.AsBytes(values));

    /// <summary>Overwrites four bytes at <paramref name="position"/> (length prefixes written after the fact).</summary>
    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(position, 4), value);

    public void Dispose()
    {
        var array = _array;
        _array = [];
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
