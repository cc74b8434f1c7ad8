namespace ActorTrader.Parquet.Encodings;

/// <summary>
/// Decodes the RLE / bit-packed hybrid encoding (definition levels, dictionary indices, booleans):
/// a sequence of runs, each either one repeated value or groups of 8 bit-packed values.
/// </summary>
internal ref struct RleHybridDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private int _position;
    private int _rleRemaining;
    private int _rleValue;
    private int _packedRemaining;
    private int _packedStart;
    private int _packedConsumed;

    public RleHybridDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetDataException($"RLE bit width {bitWidth} is outside 0..32.");
        }

        _data = data;
        _bitWidth = bitWidth;
        _position = 0;
        _rleRemaining = 0;
        _rleValue = 0;
        _packedRemaining = 0;
        _packedStart = 0;
        _packedConsumed = 0;
    }

    /// <summary>Fills <paramref name="output"/> completely or throws when the data runs out.</summary>
    public void ReadExactly(Span<int> output)
    {
        var filled = Read(output);
        if (filled < output.Length)
        {
            throw new ParquetDataException($"RLE/bit-packed data holds {filled} values but {output.Length} were expected.");
        }
    }

    /// <summary>Reads up to <c>output.Length</c> values; returns how many were read (fewer only at the end of the data).</summary>
    public int Read(Span<int> output)
    {
        var filled = 0;
        while (filled < output.Length)
        {
            if (_rleRemaining > 0)
            {
                var take = Math.Min(_rleRemaining, output.Length - filled);
                output.Slice(filled, take).Fill(_rleValue);
                filled += take;
                _rleRemaining -= take;
            }
            else if (_packedRemaining > 0)
            {
                var take = Math.Min(_packedRemaining, output.Length - filled);
                if (_packedConsumed % 8 != 0)
                {
                    throw new InvalidOperationException("Bit-packed runs must be consumed in multiples of 8 values between reads.");
                }

                var startByte = _packedStart + (_packedConsumed / 8 * _bitWidth);
                BitPacking.Unpack32(_data[startByte..], output.Slice(filled, take), _bitWidth);
                filled += take;
                _packedRemaining -= take;
                _packedConsumed += take;
            }
            else if (!NextRun())
            {
                break;
            }
        }

        return filled;
    }

    private bool NextRun()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var header = ReadVarint();
        var count = header >> 1;
        if ((header & 1) == 0)
        {
            var valueBytes = (_bitWidth + 7) / 8;
            if (_position + valueBytes > _data.Length)
            {
                throw new ParquetDataException($"RLE run value at byte {_position} runs past the end of the {_data.Length}-byte buffer.");
            }

            var value = 0;
            for (var i = 0; i < valueBytes; i++)
            {
                value |= _data[_position + i] << (8 * i);
            }

            _position += valueBytes;
            if (count > int.MaxValue)
            {
                throw new ParquetDataException($"RLE run of {count} values is impossible.");
            }

            _rleRemaining = (int)count;
            _rleValue = value;
        }
        else
        {
            var groups = count;
            var bytes = (long)groups * _bitWidth;
            var available = _data.Length - _position;
            if (bytes > available)
            {
                // Some writers truncate the final group; decode only the whole groups that are present.
                groups = (ulong)(available / _bitWidth);
                if (groups == 0)
                {
                    throw new ParquetDataException($"Bit-packed run of {count * 8} values needs {bytes} bytes but only {available} remain.");
                }

                bytes = (long)groups * _bitWidth;
            }

            _packedStart = _position;
            _packedConsumed = 0;
            _packedRemaining = (int)Math.Min(int.MaxValue, groups * 8);
            _position += (int)bytes;
        }

        return true;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ParquetDataException("RLE run header ends early.");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetDataException("RLE run header varint is too long.");
    }
}
