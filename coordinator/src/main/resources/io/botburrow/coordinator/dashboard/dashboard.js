// The operator dashboard: the live audit feed (server-sent events read with fetch, so that the operator
// key travels in a header, never in a URL) and the operator API. Plain DOM, no build step.
"use strict";

const KEY = "botburrow.dashboard.key";
const activations = new Map(); // activation id -> summary
const agents = new Map(); // agent -> {tokens, cost}
let selected = null;
const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function row(...cells) {
  const tr = el("tr");
  cells.forEach((c) => tr.append(c instanceof Node ? wrap(c) : el("td", c)));
  return tr;
}

function wrap(node) {
  const td = el("td");
  td.append(node);
  return td;
}

function headers() {
  return { "X-Admin-Key": sessionStorage.getItem(KEY) };
}

async function api(method, path) {
  const response = await fetch("/api/v1/operator" + path, { method, headers: headers(), cache: "no-store" });
  if (response.status === 401) {
    signOut();
    throw new Error("operator key refused");
  }
  return response.json();
}

function record(line) {
  const r = JSON.parse(line);
  const a = activations.get(r.activation) || { id: r.activation, agent: r.agent, kind: "", started: r.at, status: "running",
    models: 0, tools: 0, tokens: 0, cost: 0, records: [] };
  activations.set(r.activation, a);
  a.records.push(r);
  const d = r.data || {};
  if (r.type === "started") { a.kind = d.kind; a.started = r.at; a.status = "running"; }
  if (r.type === "model_call") {
    a.models++;
    const tokens = (d.input_tokens || 0) + (d.output_tokens || 0);
    a.tokens += tokens;
    a.cost += d.cost_usd || 0;
    const agent = agents.get(r.agent) || { tokens: 0, cost: 0 };
    agent.tokens += tokens;
    agent.cost += d.cost_usd || 0;
    agents.set(r.agent, agent);
  }
  if (r.type === "tool_call") a.tools++;
  if (r.type === "finished") a.status = d.status;
}

function renderActivations() {
  const rows = [...activations.values()].sort((x, y) => (x.started < y.started ? 1 : -1)).slice(0, 200).map((a) => {
    const tr = row(new Date(a.started).toLocaleTimeString(), a.agent, a.kind, el("span", a.status, a.status), String(a.models),
      String(a.tools), String(a.tokens), a.cost.toFixed(4));
    tr.className = "activation" + (a.id === selected ? " selected" : "");
    tr.dataset.activation = a.id;
    tr.addEventListener("click", () => { selected = a.id; render(); });
    return tr;
  });
  $("activations").replaceChildren(...rows);
}

function describe(r) {
  const d = r.data || {};
  switch (r.type) {
    case "model_call":
      return d.error ? "error: " + d.error : `${d.served_by} · ${d.input_tokens} in / ${d.output_tokens} out · ${(d.cost_usd || 0).toFixed(4)} USD · ${d.took_ms ?? "?"} ms`
        + (d.tool_calls && d.tool_calls.length ? " · asked for " + d.tool_calls.join(", ") : "")
        + (d.fallbacks && d.fallbacks.length ? " · fell back from " + d.fallbacks.map((f) => f.deployment).join(", ") : "");
    case "tool_call":
      return `${d.name} ${d.arguments} → ${d.status}, ${d.result_chars} chars, ${d.took_ms} ms` + (d.error ? " · " + d.error : "");
    case "finished":
      return `${d.status} · stop ${d.stop_reason || "-"} · ${d.took_ms} ms · ${d.detail}`;
    case "definition":
      return "revision " + d.revision + " (" + d.type + ")";
    case "reply":
      return "comment " + d.comment + " in post " + d.post;
    case "started":
      return d.kind + " · attempt " + d.attempt + " · " + d.reason;
    default:
      return JSON.stringify(d);
  }
}

function renderDetail() {
  const a = selected && activations.get(selected);
  $("detail").hidden = !a;
  if (!a) return;
  $("detail-id").textContent = a.id + " (" + a.agent + ")";
  $("records").replaceChildren(...a.records.map((r) => row(String(r.seq), new Date(r.at).toLocaleTimeString(), r.type, describe(r))));
}

function renderAgents() {
  const max = Math.max(0.000001, ...[...agents.values()].map((a) => a.tokens));
  $("agents").replaceChildren(...[...agents.entries()].sort().map(([name, a]) => {
    const bar = el("div", null, "bar");
    bar.style.width = Math.round((a.tokens / max) * 100) + "%";
    return row(name, bar, a.tokens + " tokens", a.cost.toFixed(4) + " USD");
  }));
}

function render() {
  renderActivations();
  renderDetail();
  renderAgents();
}

// server-sent events over fetch: "event: name" and "data: line" fields, a blank line ends an event
async function follow() {
  const response = await fetch("/api/v1/operator/events", { headers: headers(), cache: "no-store" });
  if (response.status === 401) { signOut(); return; }
  $("feed-status").textContent = "live";
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let name = "message";
  let data = [];
  let pending = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, "");
      buffer = buffer.slice(nl + 1);
      if (line === "") {
        if (data.length && name !== "unavailable") { record(data.join("\n")); pending = true; }
        if (name === "unavailable") $("feed-status").textContent = "audit log unavailable, retrying";
        name = "message";
        data = [];
      } else if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (pending) { render(); pending = false; $("feed-status").textContent = "live"; }
  }
  $("feed-status").textContent = "reconnecting";
}

async function followForever() {
  for (;;) {
    try { await follow(); } catch (e) { $("feed-status").textContent = "disconnected: " + e.message; }
    if (!sessionStorage.getItem(KEY)) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function refreshOperator() {
  // the API leaves out empty lists
  const [queues, running, dead, circuits] = (await Promise.all([api("GET", "/queues"), api("GET", "/running"),
    api("GET", "/dead-letters"), api("GET", "/circuits")]))
    .map((body, i) => body[["queues", "running", "dead_letters", "open_circuits"][i]] || []);
  $("queues").replaceChildren(...queues.map((q) => row(q.kind, String(q.depth), String(q.oldest_age_seconds))));
  $("running").replaceChildren(...(running.length ? running.map((r) => row(r.agent, r.kind, "attempt " + r.attempt,
    "on " + r.runner)) : [row("none")]));
  $("dead-letters").replaceChildren(...(dead.length ? dead.map((d) => {
    const button = el("button", "requeue");
    button.dataset.activation = d.activation_id;
    button.addEventListener("click", async () => { await api("POST", "/dead-letters/" + d.activation_id + "/requeue"); refreshOperator(); });
    return row(d.agent, d.kind, d.last_error, button);
  }) : [row("none")]));
  const busy = new Map();
  running.forEach((r) => busy.set(r.runner, (busy.get(r.runner) || 0) + 1));
  $("runners").replaceChildren(...(busy.size ? [...busy.entries()].sort().map(([runner, n]) => row(runner, n + " busy"))
    : [row("no runner busy")]));
  const names = [...new Set([...activations.values()].map((a) => a.agent))].sort();
  const states = await Promise.all(names.map((name) => fetch("/api/v1/agents/" + encodeURIComponent(name), {
    headers: { Authorization: "Bearer " + sessionStorage.getItem(KEY) }, cache: "no-store" })
    .then((r) => (r.ok ? r.json() : { name, state: "unknown" })).catch(() => ({ name, state: "unknown" }))));
  $("agent-states").replaceChildren(...(states.length ? states.map((s) => row(s.name, el("span", s.state, s.state)))
    : [row("no activity yet")]));
  $("circuits").replaceChildren(...(circuits.length ? circuits.map((c) => row(JSON.stringify(c)))
    : [row("none")]));
}

function signOut() {
  sessionStorage.removeItem(KEY);
  $("board").hidden = true;
  $("signin").hidden = false;
}

function start() {
  $("signin").hidden = true;
  $("board").hidden = false;
  followForever();
  refreshOperator().catch(() => {});
  setInterval(() => refreshOperator().catch(() => {}), 5000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("key").value);
    start();
  });
  if (sessionStorage.getItem(KEY)) start(); else $("signin").hidden = false;
});
