using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ActorTrader.Research.Tests.Genetics;

/// <summary>Runs FsCheck properties with a fixed replay seed, so a run is reproducible and a failure names its inputs.</summary>
internal static class PropertyCheck
{
    public static void Holds<T>(Gen<T> generator, Func<T, bool> property, int tests = 100, ulong seed = 20_240_601)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(Arb.From(generator), property));
    }

    /// <summary>Seeds for the research generator, spread over the whole 64-bit range.</summary>
    public static Gen<ulong> Seeds => Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).Select(p => ((ulong)p.Item1 << 32) ^ (ulong)p.Item2);
}
