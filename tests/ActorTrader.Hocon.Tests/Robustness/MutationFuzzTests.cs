using System.Text;
using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Robustness;

/// <summary>Seeded mutations of valid documents: malformed input may only ever fail with a <see cref="HoconException"/>.</summary>
public sealed class MutationFuzzTests
{
    private const string Alphabet = "{}[]\"$:=,+#/\\\n\r\t .?-e0123456789u\u00a0\ufeffabc()";

    private static readonly string[] Seeds =
    [
        "a = 1\nb = \"two\"\nc = [1, 2, ${a}]\nd { e = ${b} suffix, f = 1e5 }",
        "x = { y = 1 }\nx = ${x} { z = 2 }\nx.w += 3\nlist = [a, b] [c]\nlist += d",
        "path = \"/usr\"\npath = ${path}\":/bin\"\nopt = ${?missing}\ntime = 1.5 seconds\nsize = 10MiB",
        "a.b.\"c.d\" = \"\"\"multi\nline\"\"\"\n# comment\n// comment\ne : true, f : null, g = -0.5",
        "include \"missing.conf\"\nk = ${?k} [1]\nobj = { a: { b: { c: [ {d: 1}, {e: ${obj.a.b.c}} ] } } }",
        "{ \"json\": [1, 2.5, -3e-2, true, false, null, \"s\\u0041\\n\"], \"o\": {} }",
        "huge = 79228162514264337593543950335 days\nbytes = 99999999999999999999 YiB\nn = -9223372036854775809\nd = 1e400",
    ];

    [Fact]
    public void Mutated_documents_fail_only_with_HoconException()
    {
        var random = new Random(20240611);
        var options = HoconText.NoEnvironment with { BaseDirectory = Path.GetTempPath() };
        for (var i = 0; i < 20_000; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);
            try
            {
                var config = ConfigurationFactory.ParseString(text, options);
                _ = config.ToJson();
                _ = config.ToString();
                foreach (var path in config.LeafPaths())
                {
                    ReadEveryWay(config, path);
                }
            }
            catch (HoconException)
            {
                // Expected for malformed input.
            }
            catch (Exception other)
            {
                Assert.Fail($"Mutation {i} threw {other.GetType().Name}: {other.Message}\n--- input ---\n{text}");
            }
        }
    }

    /// <summary>Each typed getter either returns or throws a HoconException; the loop above catches only that.</summary>
    private static void ReadEveryWay(Config config, string path)
    {
        Action[] reads =
        [
            () => config.GetString(path), () => config.GetInt(path), () => config.GetLong(path), () => config.GetDouble(path),
            () => config.GetDecimal(path), () => config.GetBoolean(path), () => config.GetTimeSpan(path),
            () => config.GetByteSize(path), () => config.GetStringList(path), () => config.GetConfig(path),
        ];
        foreach (var read in reads)
        {
            try
            {
                read();
            }
            catch (HoconException)
            {
                // A wrong type is an expected, typed failure.
            }
        }
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0 when text.Length > 0 && at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when at < text.Length:
                    var length = random.Next(1, Math.Min(12, text.Length - at) + 1);
                    text.Insert(random.Next(text.Length + 1), text.ToString(at, length));
                    break;
                default:
                    text.Length = Math.Min(text.Length, at);
                    break;
            }
        }

        return text.ToString();
    }
}
