using ActorTrader.Actors;
using ActorTrader.Research.Actors;

namespace ActorTrader.Node.Research;

/// <summary>
/// The research of a node with role research, as the management API sees it: the supervisor at <c>/user/research</c>
/// following the overnight window (populations start when it opens, pause when it closes and resume from the journal),
/// asked with the node's ask timeout.
/// </summary>
internal sealed class NodeResearch
{
    private readonly IActorRef _supervisor;
    private readonly TimeSpan _askTimeout;

    public NodeResearch(IActorRef supervisor, TimeSpan askTimeout)
    {
        _supervisor = supervisor ?? throw new ArgumentNullException(nameof(supervisor));
        _askTimeout = askTimeout;
    }

    /// <summary>How long an API request waits for the supervisor.</summary>
    public TimeSpan AskTimeout => _askTimeout;

    /// <summary>
    /// Creates the supervisor on <paramref name="system"/> (whose persistence must know the research events, see
    /// <see cref="Hosting.NodePersistence.CreateSerializer"/>) over the configured data source, strategies and evaluation
    /// backend, following the window.
    /// </summary>
    public static NodeResearch Start(ActorSystem system, NodeResearchSettings settings, TimeSpan askTimeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var services = ResearchServices.Create(system, settings.Research, settings.Data, settings.Strategies) with { FollowWindow = true };
        var supervisor = system.ActorOf(ResearchSupervisor.CreateProps(settings.Research, services), ResearchSupervisor.ActorName);
        return new NodeResearch(supervisor, askTimeout);
    }

    /// <summary>Asks the supervisor; the answer is the expected reply or a <see cref="ResearchRefused"/>.</summary>
    public Task<object> AskAsync(object message, CancellationToken cancellationToken) =>
        _supervisor.Ask<object>(message, _askTimeout, cancellationToken);
}
