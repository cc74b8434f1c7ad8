using System.Net;
using System.Text;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// The dashboard's page: panels laid out on the server, filled in by dashboard.js from the snapshot embedded in the page
/// and then from every snapshot the event stream brings. Everything it loads comes from the node (works offline).
/// </summary>
internal static class DashboardPage
{
    public static string Render(string nodeName, string csrf, byte[]? snapshotJson)
    {
        var initial = snapshotJson is null ? "null" : Encoding.UTF8.GetString(snapshotJson);
        var name = WebUtility.HtmlEncode(nodeName);
        return PageHead.Render($"ActorTrader · {nodeName}", $"<meta name=\"csrf-token\" content=\"{WebUtility.HtmlEncode(csrf)}\">\n") + $$"""

            <body>
            <header>
            <h1>ActorTrader · <span id="node-name">{{name}}</span></h1>
            <div class="status-line">
            <span id="trading-state" data-state="OFF">OFF</span>
            <span id="halt-reason"></span>
            <span id="replay-progress"></span>
            <span>updated <time id="updated-at" data-version="0"></time></span>
            <span id="connection" class="disconnected">disconnected</span>
            <a href="{{DashboardRoutes.Logout}}">Sign out</a>
            </div>
            <div class="actions">
            <button id="halt-button" type="button" class="danger">Halt</button>
            <button id="resume-button" type="button">Resume</button>
            <button id="rebalance-button" type="button">Rebalance</button>
            <span id="action-result" role="status"></span>
            </div>
            </header>
            <main>
            <section class="panel figures">
            <h2>P&amp;L</h2>
            <dl>
            <dt>NAV</dt><dd id="nav" data-value="">–</dd>
            <dt>Today</dt><dd id="day-pnl" data-value="">–</dd>
            <dt>Cash</dt><dd id="cash">–</dd>
            <dt>Realised</dt><dd id="realised">–</dd>
            <dt>Unrealised</dt><dd id="unrealised">–</dd>
            <dt>Fees</dt><dd id="fees">–</dd>
            </dl>
            <h3>Intraday</h3>
            <div id="intraday-chart" class="chart-box"></div>
            </section>
            <section class="panel">
            <h2>Equity</h2>
            <div class="ranges">
            <button id="range-30d" type="button" data-range="30d" aria-pressed="false">30 days</button>
            <button id="range-90d" type="button" data-range="90d" aria-pressed="true">90 days</button>
            <button id="range-1y" type="button" data-range="1y" aria-pressed="false">1 year</button>
            </div>
            <div id="equity-chart" class="chart-box"></div>
            </section>
            <section class="panel">
            <h2>Risk</h2>
            <div id="risk"></div>
            <h3>Reconciliation</h3>
            <div id="reconciliation"></div>
            </section>
            <section class="panel wide">
            <h2>Positions <span id="positions-count" class="count"></span></h2>
            <div class="scroll">
            <table id="positions-table">
            <thead><tr><th>Symbol</th><th>Quantity</th><th>Avg cost</th><th>Mark</th><th>Value</th><th>Unrealised</th></tr></thead>
            <tbody></tbody>
            </table>
            </div>
            </section>
            <section class="panel wide">
            <h2>Orders <span id="orders-count" class="count"></span></h2>
            <div class="scroll">
            <table id="orders-table">
            <thead><tr><th>Client order id</th><th>Symbol</th><th>Side</th><th>Qty</th><th>Filled</th><th>Status</th><th>History</th><th>Sleeve</th><th>Updated</th><th>Error</th></tr></thead>
            <tbody></tbody>
            </table>
            </div>
            </section>
            <section class="panel">
            <h2>Weights</h2>
            <div id="weights"></div>
            </section>
            <section class="panel">
            <h2>Alerts</h2>
            <ul id="alerts-list"></ul>
            </section>
            <section class="panel">
            <h2>Errors</h2>
            <ul id="errors-list"></ul>
            </section>
            <section class="panel">
            <h2>Data freshness</h2>
            <table id="freshness-table"><thead><tr><th>Source</th><th>Last bar</th><th>Age</th></tr></thead><tbody></tbody></table>
            </section>
            <section class="panel wide">
            <h2>Research</h2>
            <div id="research-panel"></div>
            </section>
            <section class="panel wide">
            <h2>Cluster</h2>
            <div id="cluster-panel"></div>
            </section>
            <section class="panel wide" id="problems-panel" hidden>
            <h2>Not read this time</h2>
            <ul id="problems-list"></ul>
            </section>
            </main>
            <dialog id="confirm-dialog">
            <form method="dialog">
            <p id="confirm-text"></p>
            <label id="confirm-reason-label" for="confirm-reason">Reason</label>
            <input id="confirm-reason" type="text" maxlength="500">
            <div class="dialog-buttons">
            <button id="confirm-cancel" value="cancel" type="button">Cancel</button>
            <button id="confirm-ok" value="ok" type="button" class="danger">Confirm</button>
            </div>
            </form>
            </dialog>
            <script type="application/json" id="initial-snapshot">{{initial}}</script>
            <script src="{{DashboardRoutes.Assets}}/dashboard.js"></script>
            </body>
            </html>
            """;
    }
}
