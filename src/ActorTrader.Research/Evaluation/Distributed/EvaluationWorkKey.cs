using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// The deterministic work key of one evaluation: <c>&lt;strategy&gt;/&lt;sha-256 hex&gt;</c> of the window (dates, symbols,
/// data fingerprint), the evaluator's identity and the genome's key. The same evaluation always has the same key, so a
/// population re-running a generation after a crash finds the results already computed.
/// </summary>
public static class EvaluationWorkKey
{
    private const string Version = "actortrader/evaluation-work/v1";

    public static string Of(PinnedWindow window, string evaluatorIdentity, Genome genome)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(evaluatorIdentity);
        ArgumentNullException.ThrowIfNull(genome);
        var text = string.Join('\n',
            Version,
            genome.Strategy,
            window.InSampleStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.InSampleEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.OutOfSampleStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.OutOfSampleEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join(',', window.Symbols),
            window.DataFingerprint,
            evaluatorIdentity,
            genome.Key);
        return genome.Strategy + "/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
