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
  if (r.type === "started") {
    a.kind = d.kind; a.started = r.at; a.status = "running";
    if (d.trigger && d.trigger.thread) a.thread = a.thread || d.trigger.thread;
  }
  if (r.type === "reply" && d.post) a.thread = d.post;
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
    tr.addEventListener("click", () => select(a.id));
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

function select(id) {
  if (selected !== id) {
    selected = id;
    followLog(id);
  }
  render();
}

function hubBase() {
  return (document.body && document.body.dataset && document.body.dataset.hub) || "";
}

// a link to the Hub page's thread (post) an activation answered in
function threadLink(post) {
  const link = el("a", "post " + post);
  link.href = hubBase() + "/#/post/" + encodeURIComponent(post);
  link.target = "_blank";
  link.rel = "noopener";
  return link;
}

function renderDetail() {
  const a = selected && activations.get(selected);
  $("detail").hidden = !a;
  if (!a) return;
  $("detail-id").textContent = a.id + " (" + a.agent + ")";
  $("detail-thread").replaceChildren(...(a.thread ? ["thread: ", threadLink(a.thread)] : ["no Hub thread (yet)"]));
  $("records").replaceChildren(...a.records.map((r) => row(String(r.seq), new Date(r.at).toLocaleTimeString(), r.type, describe(r))));
  renderThreads(a.agent);
}

// the agent's recent activations in the feed, grouped by the thread they answered in
function renderThreads(agent) {
  $("threads-agent").textContent = agent;
  const groups = new Map();
  [...activations.values()].filter((x) => x.agent === agent).sort((x, y) => (x.started < y.started ? 1 : -1)).forEach((x) => {
    const key = x.thread || "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(x);
  });
  $("threads").replaceChildren(...[...groups.entries()].map(([thread, list]) => {
    const links = el("span");
    list.slice(0, 10).forEach((x) => {
      const link = el("a", new Date(x.started).toLocaleTimeString() + " " + x.status, "activation-link " + x.status);
      link.href = "#";
      link.dataset.activation = x.id;
      link.addEventListener("click", (event) => { event.preventDefault(); select(x.id); });
      links.append(link, " ");
    });
    return row(thread ? threadLink(thread) : el("span", "no thread", "muted"), list.length + " activation" + (list.length === 1 ? "" : "s"), links);
  }));
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

// server-sent events over fetch: "event: name" and "data: line" fields, a blank line ends an event;
// onEvent(name, data) for each, then onBatch() after each chunk read
async function readEvents(response, onEvent, onBatch) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let name = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, "");
      buffer = buffer.slice(nl + 1);
      if (line === "") {
        if (data.length || name !== "message") onEvent(name, data.join("\n"));
        name = "message";
        data = [];
      } else if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    onBatch();
  }
}

async function follow() {
  const response = await fetch("/api/v1/operator/events", { headers: headers(), cache: "no-store" });
  if (response.status === 401) { signOut(); return; }
  $("feed-status").textContent = "live";
  let pending = false;
  await readEvents(response, (name, data) => {
    if (name === "unavailable") $("feed-status").textContent = "audit log unavailable, retrying";
    else if (data) { record(data); pending = true; }
  }, () => {
    if (pending) { render(); pending = false; $("feed-status").textContent = "live"; }
  });
  $("feed-status").textContent = "reconnecting";
}

// the opened activation's log lines, live; a new selection ends the previous stream
let logStream = null;
const MAX_LOG_LINES = 2000;

async function followLog(id) {
  if (logStream) logStream.abort();
  const controller = new AbortController();
  logStream = controller;
  $("log").textContent = "";
  const lines = [];
  try {
    const response = await fetch("/api/v1/operator/activations/" + encodeURIComponent(id) + "/log",
      { headers: headers(), cache: "no-store", signal: controller.signal });
    if (!response.ok) { $("log").textContent = "no log (" + response.status + ")"; return; }
    await readEvents(response, (name, data) => {
      if (name === "line") lines.push(data);
      else if (name === "unavailable") lines.push("(log store unavailable, retrying)");
    }, () => {
      if (controller !== logStream) return;
      if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
      $("log").textContent = lines.length ? lines.join("\n") : "no log lines yet";
    });
  } catch (e) {
    if (controller === logStream && e.name !== "AbortError") $("log").textContent = "log stream ended: " + e.message;
  }
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
  const [queues, running, dead, circuits, runners] = (await Promise.all([api("GET", "/queues"), api("GET", "/running"),
    api("GET", "/dead-letters"), api("GET", "/circuits"), api("GET", "/runners").catch(() => ({}))]))
    .map((body, i) => body[["queues", "running", "dead_letters", "open_circuits", "runners"][i]] || []);
  $("queues").replaceChildren(...queues.map((q) => row(q.kind, String(q.depth), String(q.oldest_age_seconds))));
  $("running").replaceChildren(...(running.length ? running.map((r) => row(r.agent, r.kind, "attempt " + r.attempt,
    "on " + r.runner)) : [row("none")]));
  $("dead-letters").replaceChildren(...(dead.length ? dead.map((d) => {
    const button = el("button", "requeue");
    button.dataset.activation = d.activation_id;
    button.addEventListener("click", async () => { await api("POST", "/dead-letters/" + d.activation_id + "/requeue"); refreshOperator(); });
    return row(d.agent, d.kind, d.last_error, button);
  }) : [row("none")]));
  renderRunners(runners, running);
  const names = [...new Set([...activations.values()].map((a) => a.agent))].sort();
  const states = await Promise.all(names.map((name) => fetch("/api/v1/agents/" + encodeURIComponent(name), {
    headers: { Authorization: "Bearer " + sessionStorage.getItem(KEY) }, cache: "no-store" })
    .then((r) => (r.ok ? r.json() : { name, state: "unknown" })).catch(() => ({ name, state: "unknown" }))));
  $("agent-states").replaceChildren(...(states.length ? states.map((s) => row(s.name, el("span", s.state, s.state)))
    : [row("no activity yet")]));
  $("circuits").replaceChildren(...(circuits.length ? circuits.map((c) => {
    const button = el("button", "reset");
    button.dataset.agent = c.agent;
    button.addEventListener("click", async () => { await api("POST", "/circuits/" + c.agent.split("/").map(encodeURIComponent).join("/") + "/reset"); refreshOperator(); });
    return row(c.agent, c.failures + " failure" + (c.failures === 1 ? "" : "s"), "until " + new Date(c.openUntil || c.open_until).toLocaleTimeString(), button);
  }) : [row("none")]));
}

// every runner that announced itself, idle ones too; busy slots from the leases
function renderRunners(runners, running) {
  const busy = new Map();
  running.forEach((r) => busy.set(r.runner, (busy.get(r.runner) || 0) + 1));
  const known = new Set(runners.map((r) => r.runner));
  const rows = runners.map((r) => {
    const n = busy.get(r.runner) || 0;
    const bar = el("div", null, "slots");
    for (let i = 0; i < (r.slots || n); i++) bar.append(el("span", null, i < n ? "slot busy" : "slot"));
    return row(r.runner, r.pool || "", bar, n + "/" + (r.slots ?? "?") + " busy" + (r.silent ? " · silent" : ""));
  });
  [...busy.entries()].filter(([runner]) => !known.has(runner)).forEach(([runner, n]) => rows.push(row(runner, "", "", n + " busy")));
  $("runners").replaceChildren(...(rows.length ? rows : [row("no runner")]));
}

// tokens (or cost) per agent per day as stacked bars, drawn as SVG
const SVG = "http://www.w3.org/2000/svg";
const PALETTE = ["#2d6cdf", "#1f8a4c", "#d98c00", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#e67e22"];
let usage = [];

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderUsage() {
  const metric = $("usage-metric").value === "cost" ? "cost_usd" : "tokens";
  const names = [...new Set(usage.flatMap((d) => Object.keys(d.agents)))].sort();
  const totals = usage.map((d) => names.reduce((sum, n) => sum + ((d.agents[n] || {})[metric] || 0), 0));
  const max = Math.max(...totals, metric === "tokens" ? 1 : 0.0001);
  const width = 360, height = 140, top = 14, bottom = 18, step = width / Math.max(usage.length, 1);
  const labelEvery = Math.max(1, Math.ceil(usage.length / 7));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": "usage per day" });
  usage.forEach((d, i) => {
    let y = height - bottom;
    names.forEach((n, k) => {
      const value = (d.agents[n] || {})[metric] || 0;
      if (!value) return;
      const h = ((height - top - bottom) * value) / max;
      y -= h;
      const rect = svg("rect", { x: i * step + 2, y, width: step - 4, height: Math.max(h, 0.5), fill: PALETTE[k % PALETTE.length] });
      rect.append(svg("title", {}, `${d.day} ${n}: ${metric === "tokens" ? value + " tokens" : value.toFixed(4) + " USD"}`));
      chart.append(rect);
    });
    // a label every few days (and on the last), so that they do not overlap
    if ((usage.length - 1 - i) % labelEvery === 0) {
      chart.append(svg("text", { x: i * step + step / 2, y: height - 4, "text-anchor": "middle", "font-size": 9 }, d.day.slice(5)));
    }
    if (totals[i]) {
      chart.append(svg("text", { x: i * step + step / 2, y: y - 2, "text-anchor": "middle", "font-size": 8 },
        metric === "tokens" ? String(totals[i]) : totals[i].toFixed(3)));
    }
  });
  $("usage-chart").replaceChildren(chart);
  $("usage-legend").replaceChildren(...names.map((n, k) => {
    const item = el("span", n, "legend");
    item.style.borderColor = PALETTE[k % PALETTE.length];
    return item;
  }));
}

async function refreshUsage() {
  // the API leaves out empty maps
  usage = ((await api("GET", "/usage?days=14")).days || []).map((d) => ({ day: d.day, agents: d.agents || {} }));
  renderUsage();
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
  refreshUsage().catch(() => {});
  setInterval(() => refreshUsage().catch(() => {}), 60000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("usage-metric").addEventListener("change", () => renderUsage());
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("key").value);
    start();
  });
  if (sessionStorage.getItem(KEY)) start(); else $("signin").hidden = false;
});
