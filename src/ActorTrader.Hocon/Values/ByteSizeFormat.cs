namespace ActorTrader.Hocon.Values;

/// <summary>The HOCON size-in-bytes format: bare numbers are bytes; one-letter units are powers of two (spec).</summary>
internal static class ByteSizeFormat
{
    private static readonly Dictionary<string, decimal> BytesPerUnit = Build();

    public static bool TryParse(string text, out long bytes, out string? problem)
    {
        bytes = 0;
        if (!UnitNumber.TrySplit(text, out var number, out var unit))
        {
            problem = "no leading number";
            return false;
        }

        if (!BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var factor))
        {
            problem = $"unknown size unit '{unit}'; use B, kB, MB, GB, K/KiB, M/MiB, G/GiB, ... (spec list)";
            return false;
        }

        decimal total;
        try
        {
            total = decimal.Truncate(number * factor);
        }
        catch (OverflowException)
        {
            problem = "too large for a 64-bit byte count";
            return false;
        }

        if (total > long.MaxValue || total < long.MinValue)
        {
            problem = "too large for a 64-bit byte count";
            return false;
        }

        bytes = (long)total;
        problem = null;
        return true;
    }

    private static Dictionary<string, decimal> Build()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in new[] { "B", "b", "byte", "bytes" })
        {
            units[name] = 1;
        }

        string[][] decimalNames =
        [
            ["kB", "kilobyte", "kilobytes"], ["MB", "megabyte", "megabytes"], ["GB", "gigabyte", "gigabytes"],
            ["TB", "terabyte", "terabytes"], ["PB", "petabyte", "petabytes"], ["EB", "exabyte", "exabytes"],
            ["ZB", "zettabyte", "zettabytes"], ["YB", "yottabyte", "yottabytes"],
        ];
        string[][] binaryNames =
        [
            ["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"], ["M", "m", "Mi", "MiB", "mebibyte", "mebibytes"],
            ["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"], ["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"],
            ["P", "p", "Pi", "PiB", "pebibyte", "pebibytes"], ["E", "e", "Ei", "EiB", "exbibyte", "exbibytes"],
            ["Z", "z", "Zi", "ZiB", "zebibyte", "zebibytes"], ["Y", "y", "Yi", "YiB", "yobibyte", "yobibytes"],
        ];
        decimal power10 = 1, power2 = 1;
        for (var i = 0; i < decimalNames.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            foreach (var name in decimalNames[i])
            {
                units[name] = power10;
            }

            foreach (var name in binaryNames[i])
            {
                units[name] = power2;
            }
        }

        return units;
    }
}
