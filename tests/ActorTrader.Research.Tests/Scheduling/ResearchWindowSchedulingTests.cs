using ActorTrader.Actors;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Tests.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Research.Tests.Scheduling;

/// <summary>
/// The supervisor follows the window on virtual time: it opens Friday 20:00 EST, stays open over a weekend in which the
/// clocks go forward, closes Monday 06:00 EDT (pausing the population mid-generation) and opens again that evening,
/// when the population resumes from its journal.
/// </summary>
public sealed class ResearchWindowSchedulingTests : ResearchTestKit
{
    private static readonly DateTimeOffset FridayNoon = new(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly TestScheduler _clock;

    public ResearchWindowSchedulingTests() : this(new TestScheduler(FridayNoon))
    {
    }

    private ResearchWindowSchedulingTests(TestScheduler clock)
        : base(settings: new TestKitSettings { Setup = new ActorSystemSetup { SchedulerFactory = () => clock }, DefaultTimeout = TimeSpan.FromSeconds(10) })
    {
        _clock = clock;
    }

    [Fact]
    public async Task Populations_run_while_the_window_is_open_across_a_daylight_saving_change_and_pause_when_it_closes()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(ResearchWindowChanged));
        Sys.EventStream.Subscribe(events.Ref, typeof(PopulationProgress));
        // Every evaluation waits until its generation is abandoned: the population is mid-generation whenever the window closes.
        var held = new GatedEvaluatorFactory(new WalkForwardEvaluatorFactory(FitnessSettings.Default), passing: 0);
        StartSupervisor(Small() with { Window = Research.Scheduling.ResearchWindow.Default }, Services(evaluators: held) with { FollowWindow = true });

        var closed = await Expect<ResearchWindowChanged>(events);
        Assert.Equal((false, FridayNoon, Utc(2026, 3, 7, 1)), (closed.Open, closed.At, closed.NextChange));

        _clock.AdvanceTo(Utc(2026, 3, 7, 1));
        var opened = await Expect<ResearchWindowChanged>(events);
        Assert.Equal((true, Utc(2026, 3, 7, 1), Utc(2026, 3, 9, 10)), (opened.Open, opened.At, opened.NextChange));
        await Expect<PopulationProgress>(events, p => p.Status.Phase == PopulationPhase.Evolving);
        await held.Holding.Task.WaitAsync(DefaultTimeout);

        _clock.AdvanceTo(Utc(2026, 3, 9, 10));
        var closedMonday = await Expect<ResearchWindowChanged>(events);
        Assert.Equal((false, Utc(2026, 3, 9, 10), Utc(2026, 3, 10, 0)), (closedMonday.Open, closedMonday.At, closedMonday.NextChange));
        var paused = await Expect<PopulationProgress>(events, p => p.Status.Phase == PopulationPhase.Idle);
        Assert.Equal(0, paused.Status.Generations);

        _clock.AdvanceTo(Utc(2026, 3, 10, 0));
        var reopened = await Expect<ResearchWindowChanged>(events);
        Assert.Equal((true, Utc(2026, 3, 10, 10)), (reopened.Open, reopened.NextChange));
        await Expect<PopulationProgress>(events, p => p.Status.Phase == PopulationPhase.Evolving);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<T> Expect<T>(TestProbe probe, Predicate<T>? match = null) =>
        await probe.FishForMessageAsync<T>(m => match?.Invoke(m) ?? true, DefaultTimeout);
}
