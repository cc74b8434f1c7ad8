using System.CommandLine;
using System.Globalization;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader cluster [--json]</c>: the cluster as the node sees it — members, lease holders, control bus, sleeve placement.</summary>
public sealed class ClusterCommand : ICliCommand
{
    public Command Create(CliContext context) => NodeViewCommand.Create<ClusterView>(context, "cluster",
        "Show the cluster: members, who holds which lease, the control bus, sleeve placement", ManagementRoutes.Cluster, "Print the cluster view as JSON",
        (view, _) =>
        {
            var members = new Table().AddColumn("Node").AddColumn("Status").AddColumn("Roles").AddColumn("Address").AddColumn("Version").AddColumn("Last heartbeat");
            foreach (var m in view.Members)
            {
                var style = m.Status == "up" ? new Style(Color.Green) : new Style(Color.Red);
                members.AddRow(new Text(m.Node), new Text(m.Status, style), new Text(string.Join(", ", m.Roles)), new Text(m.Address), new Text(m.Version), new Text(Render.Time(m.HeartbeatAt)));
            }
            var leases = new Table().AddColumn("Lease").AddColumn("Holder").AddColumn(new TableColumn("Epoch").RightAligned()).AddColumn("Expires");
            foreach (var l in view.Leases)
                leases.AddRow(new Text(l.Name), new Text(l.Holder ?? "(free)"), new Text(l.Epoch.ToString(CultureInfo.InvariantCulture)), new Text(Render.Time(l.ExpiresAt)));
            var console = context.Console();
            console.WriteLine($"Cluster as {view.Node} sees it; control log applied up to #{view.ControlApplied} ({(view.ControlListening ? "listening" : "polling: LISTEN connection down")})");
            console.Write(members);
            console.Write(leases);
            if (view.SleevePlacement.Count > 0)
                console.WriteLine("Sleeves: " + string.Join(", ", view.SleevePlacement.Select(p => $"{p.Key} on {p.Value}")));
            return ExitCodes.Ok;
        });
}
