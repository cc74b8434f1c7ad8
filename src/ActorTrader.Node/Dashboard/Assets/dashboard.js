// ActorTrader dashboard: renders the node's snapshots (embedded in the page, then pushed every second over
// Server-Sent Events) and sends the operator's halt / resume / rebalance after a confirm step.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const qty = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
  const pct = (x) => (x === null || x === undefined ? "–" : (x * 100).toFixed(2) + "%");
  let equityVersion = null;
  let range = "90d";
  let pending = null;

  function esc(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }
  function fmtMoney(value) { return value === null || value === undefined || value === "" ? "–" : money.format(Number(value)); }
  function cell(cls, value, text) { return `<td class="${cls}" data-value="${esc(value ?? "")}">${esc(text)}</td>`; }
  function setMoney(id, value) {
    const el = $(id);
    el.textContent = fmtMoney(value);
    if (el.hasAttribute("data-value")) el.dataset.value = value ?? "";
    el.classList.toggle("negative", value !== null && value !== undefined && Number(value) < 0);
  }

  function render(s) {
    if (!s) return;
    const updated = $("updated-at");
    updated.textContent = s.at;
    updated.dateTime = s.at;
    updated.dataset.version = String(s.sequence);
    $("node-name").textContent = s.node.name;
    const t = s.trading;
    const state = s.node.halted ? "HALTED" : t ? t.state : "OFF";
    const stateEl = $("trading-state");
    stateEl.textContent = state;
    stateEl.dataset.state = state;
    $("halt-reason").textContent = s.node.halted ? `${s.node.haltedBy}: ${s.node.haltReason}` : t && t.state !== "ACTIVE" ? t.stateReason ?? "" : "";
    $("replay-progress").textContent = t && t.replayProgress ? `replay ${t.replayProgress}${t.replayFinished ? " (finished)" : ""}` : t ? t.mode : "no trading core";
    renderMoney(s.money);
    renderPositions(s.positions);
    renderOrders(s.orders);
    renderRisk(s.risk, t);
    renderWeights(s.weights);
    renderList("alerts-list", s.alerts, (a) => `<li class="sev-${esc(a.severity.toLowerCase())}"><time>${esc(a.lastAt)}</time> <b>${esc(a.kind)}</b> ${esc(a.message)}${a.repeats > 0 ? ` <span class="count">×${a.repeats + 1}</span>` : ""}</li>`, "No alerts");
    renderList("errors-list", s.errors, (e) => `<li><time>${esc(e.timestamp)}</time> <b>${esc(e.level)}</b> ${esc(e.message)}</li>`, "No errors logged");
    renderFreshness(s.freshness);
    renderResearch(s.research);
    renderCluster(s.cluster);
    $("intraday-chart").innerHTML = s.intradaySvg;
    const problems = $("problems-panel");
    problems.hidden = s.problems.length === 0;
    $("problems-list").innerHTML = s.problems.map((p) => `<li>${esc(p)}</li>`).join("");
    if (s.equityVersion !== equityVersion) {
      equityVersion = s.equityVersion;
      loadEquity();
    }
  }

  function renderMoney(m) {
    setMoney("nav", m?.nav);
    setMoney("day-pnl", m?.dayPnl);
    setMoney("cash", m?.cash);
    setMoney("realised", m?.realisedPnl);
    setMoney("unrealised", m?.unrealisedPnl);
    setMoney("fees", m?.fees);
  }

  function renderPositions(positions) {
    $("positions-count").textContent = `(${positions.length})`;
    $("positions-table").tBodies[0].innerHTML = positions.map((p) => `<tr data-symbol="${esc(p.symbol)}"><th scope="row">${esc(p.symbol)}</th>` +
      cell("qty", p.quantity, qty.format(Number(p.quantity))) + cell("avg-cost", p.averageCost, fmtMoney(p.averageCost)) +
      cell("mark", p.mark, fmtMoney(p.mark)) + cell("market-value", p.marketValue, fmtMoney(p.marketValue)) +
      cell(Number(p.unrealisedPnl) < 0 ? "unrealised negative" : "unrealised", p.unrealisedPnl, fmtMoney(p.unrealisedPnl)) + "</tr>").join("");
  }

  function renderOrders(orders) {
    $("orders-count").textContent = `(${orders.length})`;
    $("orders-table").tBodies[0].innerHTML = orders.map(({ order: o, history }) => `<tr data-client-order-id="${esc(o.clientOrderId)}">` +
      `<td>${esc(o.clientOrderId)}</td><td>${esc(o.symbol)}</td><td>${esc(o.side)}</td><td>${esc(qty.format(Number(o.quantity)))}</td>` +
      `<td>${esc(qty.format(Number(o.filledQuantity)))}</td><td class="status">${esc(o.status)}</td>` +
      `<td class="history">${history.map((h) => `<span title="${esc(h.at)}">${esc(h.status)}</span>`).join(" → ")}</td>` +
      `<td>${esc(o.sleeve)}</td><td>${esc(o.updatedAt)}</td><td class="error">${esc(o.lastError ?? "")}</td></tr>`).join("");
  }

  function renderRisk(r, t) {
    const rows = r ? [
      ["Drawdown", pct(r.drawdown)], ["Intraday drawdown", pct(r.intradayDrawdown)], ["Daily loss", pct(r.dailyLoss)],
      ["Max drawdown (history)", pct(r.maxDrawdownOfHistory)], ["VaR 95% (1 day)", fmtMoney(r.valueAtRisk95)],
      ["CVaR 95% (1 day)", fmtMoney(r.expectedShortfall95)], ["Beta", r.beta === null ? `– (${r.betaNote})` : r.beta.toFixed(2)],
      ["Gross exposure", pct(r.grossLeverage)], ["Net exposure", pct(r.netLeverage)],
      ["Tripped breakers", r.trippedBreakers.length ? r.trippedBreakers.join(", ") : "none"],
      ["Automatic actions", `${r.actionsTaken} taken, ${r.actionsPending} pending`], ["Trades today", String(r.tradesToday)],
    ] : [];
    $("risk").innerHTML = rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>` : "<p>No trading core.</p>";
    $("reconciliation").innerHTML = t ? `<p>${esc(t.reconciliation)}</p><p class="hint">Gate: ${esc(t.permission)}</p>` : "<p>–</p>";
  }

  function renderWeights(w) {
    if (!w) { $("weights").innerHTML = "<p>No meta-portfolio fit yet.</p>"; return; }
    const list = (items) => items.map((x) => `<tr><td>${esc(x.name)}</td><td>${esc(pct(x.weight))}</td></tr>`).join("");
    $("weights").innerHTML = `<p>Profile ${esc(w.profile)}${w.succeeded ? "" : " (last fit failed)"}</p>` +
      `<table class="weights-sleeves"><thead><tr><th>Sleeve</th><th>Meta-weight</th></tr></thead><tbody>${list(w.sleeves)}</tbody></table>` +
      `<table class="weights-symbols"><thead><tr><th>Symbol</th><th>Target</th></tr></thead><tbody>${list(w.symbols)}</tbody></table>`;
  }

  function renderList(id, items, row, empty) {
    $(id).innerHTML = items.length ? items.map(row).join("") : `<li class="empty">${esc(empty)}</li>`;
  }

  function renderFreshness(items) {
    $("freshness-table").tBodies[0].innerHTML = items.map((f) => `<tr class="${f.stale ? "stale" : ""}"><td>${esc(f.source)}</td>` +
      `<td>${esc(f.lastBarAt ?? "none")}</td><td>${f.ageSeconds === null ? "–" : esc(Math.round(f.ageSeconds) + " s")}${f.stale ? " (stale)" : ""}</td></tr>`).join("");
  }

  function renderResearch(r) {
    if (!r) { $("research-panel").innerHTML = "<p>This node runs no research.</p>"; return; }
    $("research-panel").innerHTML = `<p>Window ${esc(r.window)} (${r.windowOpen ? "open" : "closed"}), ${r.candidates} candidates</p>` +
      r.populations.map(({ population: p, stagnation, fitnessSvg }) => `<div class="population"><h3>${esc(p.strategy)} <span class="count">${esc(p.phase)}, generation ${p.generation}</span></h3>` +
        `<div class="chart-box">${fitnessSvg}</div>` +
        `<p>${stagnation.length ? "Stagnation: " + stagnation.map((e) => `${esc(e.event)} after gen ${e.generation}`).join(", ") : "No stagnation events"}${p.error ? ` · <span class="error">${esc(p.error)}</span>` : ""}</p></div>`).join("");
  }

  function renderCluster(c) {
    if (!c) { $("cluster-panel").innerHTML = "<p>Single node (not in a cluster).</p>"; return; }
    $("cluster-panel").innerHTML = `<table><thead><tr><th>Member</th><th>Status</th><th>Roles</th><th>Heartbeat</th></tr></thead><tbody>` +
      c.members.map((m) => `<tr><td>${esc(m.node)}</td><td>${esc(m.status)}</td><td>${esc(m.roles.join(", "))}</td><td>${esc(m.heartbeatAt)}</td></tr>`).join("") +
      `</tbody></table><table><thead><tr><th>Lease</th><th>Holder</th><th>Epoch</th></tr></thead><tbody>` +
      c.leases.map((l) => `<tr><td>${esc(l.name)}</td><td>${esc(l.holder ?? "free")}</td><td>${l.epoch}</td></tr>`).join("") + "</tbody></table>";
  }

  async function loadEquity() {
    const asked = range;
    const response = await fetch(`/dashboard/charts/equity.svg?range=${encodeURIComponent(asked)}`, { cache: "no-store" });
    if (response.ok && asked === range) $("equity-chart").innerHTML = await response.text();
  }

  for (const button of document.querySelectorAll(".ranges button")) {
    button.addEventListener("click", () => {
      range = button.dataset.range;
      for (const b of document.querySelectorAll(".ranges button")) b.setAttribute("aria-pressed", String(b === button));
      loadEquity();
    });
  }

  const actions = {
    halt: { text: "Halt trading on this node? Open orders are cancelled and no new orders are sent until you resume.", url: "/api/halt", reason: true },
    resume: { text: "Resume trading? Orders flow again if reconciliation and risk allow it.", url: "/api/resume", reason: false },
    rebalance: { text: "Rebalance every sleeve now?", url: "/api/rebalance", reason: false },
  };
  const dialog = $("confirm-dialog");
  for (const name of Object.keys(actions)) {
    $(`${name}-button`).addEventListener("click", () => {
      pending = name;
      $("confirm-text").textContent = actions[name].text;
      $("confirm-reason").hidden = !actions[name].reason;
      $("confirm-reason-label").hidden = !actions[name].reason;
      $("confirm-reason").value = "";
      dialog.showModal();
    });
  }
  $("confirm-cancel").addEventListener("click", () => { pending = null; dialog.close(); });
  $("confirm-ok").addEventListener("click", async () => {
    const action = actions[pending];
    const reason = $("confirm-reason").value.trim();
    if (action.reason && !reason) { $("confirm-reason").focus(); return; }
    dialog.close();
    pending = null;
    const result = $("action-result");
    result.textContent = "sending…";
    result.removeAttribute("data-accepted");
    try {
      const response = await fetch(action.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-ActorTrader-Csrf": csrf },
        body: JSON.stringify(action.reason ? { reason } : {}),
      });
      const body = await response.json();
      result.textContent = body.message ?? body.error ?? `HTTP ${response.status}`;
      result.dataset.accepted = String(response.ok && body.accepted === true);
    } catch (e) {
      result.textContent = `The node did not answer: ${e}`;
      result.dataset.accepted = "false";
    }
  });

  render(JSON.parse($("initial-snapshot").textContent));
  const connection = $("connection");
  const events = new EventSource("/dashboard/events");
  events.onopen = () => { connection.textContent = "live"; connection.className = "live"; };
  events.onerror = () => { connection.textContent = "disconnected"; connection.className = "disconnected"; };
  events.addEventListener("snapshot", (e) => render(JSON.parse(e.data)));
})();
