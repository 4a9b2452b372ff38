// Runs the dashboard's script (dashboard.js) on a small stand-in DOM, a stand-in operator API and a
// live feed it controls, with Node's built-ins only: what the operator sees as an activation runs, and
// that a dead letter's button requeues it.
// Usage: node dashboard.test.mjs PATH/TO/dashboard.js   (exit 0 when every check holds)
import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";

class Node {
  constructor(tag) {
    this.tagName = tag;
    this.children = [];
    this.ownText = "";
    this.className = "";
    this.style = {};
    this.dataset = {};
    this.hidden = false;
    this.value = "";
    this.listeners = {};
  }
  get textContent() {
    return this.ownText + this.children.map((c) => (typeof c === "string" ? c : c.textContent)).join(" ");
  }
  set textContent(text) {
    this.ownText = String(text);
    this.children = [];
  }
  append(...nodes) {
    this.children.push(...nodes);
  }
  replaceChildren(...nodes) {
    this.children = [];
    this.ownText = "";
    this.append(...nodes);
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  setAttribute(name, value) {
    (this.attributes ||= {})[name] = value;
  }
  click() {
    (this.listeners.click || []).forEach((fn) => fn({ preventDefault() {} }));
  }
  find(predicate) {
    for (const c of this.children) {
      if (!(c instanceof Node)) continue;
      if (predicate(c)) return c;
      const inner = c.find(predicate);
      if (inner) return inner;
    }
    return null;
  }
}

const byId = new Map();
const documentListeners = {};
const document = {
  getElementById: (id) => byId.get(id) || byId.set(id, new Node("#" + id)).get(id),
  createElement: (tag) => new Node(tag),
  createElementNS: (ns, tag) => new Node(tag),
  body: { dataset: { hub: "http://127.0.0.1:8080" } },
  addEventListener: (type, fn) => (documentListeners[type] ||= []).push(fn),
};

// the live feed and the opened activation's log: the test pushes server-sent events into them
let feed;
let logFeed;
const logRequests = [];
const encoder = new TextEncoder();
const send = (type, record) => feed.enqueue(encoder.encode(`event: ${type}\ndata: ${JSON.stringify(record)}\n\n`));
const operator = { running: [], requeued: [], reset: [], runners: [],
  circuits: [{ agent: "flaky-agent", failures: 2, openUntil: "2026-12-03T10:05:00Z" }], deadLetters: [{ activation_id: "0000000000000000000000000dead", agent: "broken-agent",
  kind: "notification", last_error: "definition invalid" }] };

async function fetch(url, options = {}) {
  const presented = options.headers["X-Admin-Key"] || (options.headers.Authorization || "").replace("Bearer ", "");
  assert.equal(presented, "dev-admin-key", "every call carries the key in a header: " + url);
  assert.ok(!url.includes("dev-admin-key"), "the key is never in a URL");
  if (url === "/api/v1/operator/events") {
    return { status: 200, ok: true, body: new ReadableStream({ start: (c) => { feed = c; } }) };
  }
  if (url.startsWith("/api/v1/operator/activations/")) {
    logRequests.push(url);
    return { status: 200, ok: true, body: new ReadableStream({ start: (c) => { logFeed = c; } }) };
  }
  const path = url.replace("/api/v1/operator", "");
  let body = {};
  if (path === "/queues") body = { queues: [{ kind: "notification", depth: 2, oldest_age_seconds: 1.5 }] };
  else if (path === "/running") body = operator.running.length ? { running: operator.running } : {};
  else if (url.startsWith("/api/v1/agents/")) body = { name: decodeURIComponent(url.split("/").pop()), state: "thinking" };
  else if (path === "/dead-letters") body = operator.deadLetters.length ? { dead_letters: operator.deadLetters } : {};
  // as the coordinator's JSON does, empty lists are left out
  else if (path === "/circuits") body = operator.circuits.length ? { open_circuits: operator.circuits } : {};
  else if (path === "/runners") body = operator.runners.length ? { runners: operator.runners } : {};
  else if (path === "/usage?days=14") body = { days: [{ day: "2026-12-01" }, { day: "2026-12-02", agents: { "reader-agent": { tokens: 300, cost_usd: 0.01, activations: 2 } } },
    { day: "2026-12-03", agents: { "reader-agent": { tokens: 150, cost_usd: 0.0042, activations: 1 }, "echo-agent": { tokens: 50, cost_usd: 0, activations: 1 } } }] };
  else if (options.method === "POST" && path.endsWith("/reset")) {
    operator.reset.push(decodeURIComponent(path.split("/")[2]));
    operator.circuits = [];
    body = { success: true };
  }
  else if (options.method === "POST" && path.endsWith("/requeue")) {
    operator.requeued.push(path.split("/")[2]);
    operator.deadLetters = [];
    body = { success: true };
  }
  return { status: 200, ok: true, json: async () => body };
}

const session = new Map([["botburrow.dashboard.key", "dev-admin-key"]]);
const context = vm.createContext({
  document, fetch, console, AbortController, Date, JSON, Math, Promise, TextDecoderStream, ReadableStream, Node,
  sessionStorage: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => session.set(k, v), removeItem: (k) => session.delete(k) },
  setInterval: () => 0,
  setTimeout,
});
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context, { filename: "dashboard.js" });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const text = (id) => document.getElementById(id).textContent;

documentListeners.DOMContentLoaded.forEach((fn) => fn());
await settle();
assert.equal(text("feed-status"), "live");
assert.match(text("queues"), /notification 2 1\.5/);

const base = { v: 1, run: "a1.1.x", activation: "a1", agent: "reader-agent", prev: "p" };
send("started", { ...base, seq: 0, at: "2026-12-03T10:00:00Z", type: "started", data: { kind: "notification", attempt: 1, reason: "1 unread" } });
await settle();
assert.match(text("activations"), /reader-agent notification running 0 0 0 0\.0000/, text("activations"));

send("model_call", { ...base, seq: 3, at: "2026-12-03T10:00:01Z", type: "model_call", data: { served_by: "openai:scripted/scripted-model",
  input_tokens: 120, output_tokens: 30, cost_usd: 0.0042, took_ms: 80, tool_calls: ["hub_search"], fallbacks: [] } });
send("tool_call", { ...base, seq: 4, at: "2026-12-03T10:00:01Z", type: "tool_call", data: { name: "hub_search", arguments: "{\"query\":\"x\"}",
  status: "ok", result_chars: 812, took_ms: 9 } });
send("reply", { ...base, seq: 6, at: "2026-12-03T10:00:02Z", type: "reply", data: { post: "post-42", comment: "c-7" } });
send("finished", { ...base, seq: 7, at: "2026-12-03T10:00:02Z", type: "finished", data: { status: "success", stop_reason: "completed",
  took_ms: 2000, detail: "answered 1" } });
await settle();
assert.match(text("activations"), /reader-agent notification success 1 1 150 0\.0042/, text("activations"));
assert.match(text("agents"), /reader-agent .*150 tokens 0\.0042 USD/, text("agents"));

// opening the activation shows its model and tool calls
document.getElementById("activations").find((n) => n.dataset.activation === "a1").click();
await settle();
assert.equal(document.getElementById("detail").hidden, false);
assert.match(text("records"), /model_call openai:scripted\/scripted-model · 120 in \/ 30 out · 0\.0042 USD · 80 ms · asked for hub_search/);
assert.match(text("records"), /tool_call hub_search \{"query":"x"\} → ok, 812 chars, 9 ms/);

// and its log lines, live
assert.deepEqual(logRequests, ["/api/v1/operator/activations/a1/log"]);
logFeed.enqueue(encoder.encode("event: line\ndata: 10:00:01.000 INFO ActivationHandler Activation(id=a1) started\n\n"));
logFeed.enqueue(encoder.encode(": idle\n\nevent: line\ndata: 10:00:02.000 INFO ActivationHandler Activation(id=a1) answered\n\n"));
await settle();
assert.equal(text("log"), "10:00:01.000 INFO ActivationHandler Activation(id=a1) started\n10:00:02.000 INFO ActivationHandler Activation(id=a1) answered");

// the thread it answered in links to the Hub page, and the agent's activations are grouped by thread
const link = document.getElementById("detail-thread").find((n) => n.tagName === "a");
assert.equal(link.href, "http://127.0.0.1:8080/#/post/post-42");
const second = { v: 1, run: "a4.1.x", activation: "a4", agent: "reader-agent", prev: "p" };
send("started", { ...second, seq: 0, at: "2026-12-03T10:01:00Z", type: "started", data: { kind: "notification", attempt: 1, reason: "1 unread" } });
send("reply", { ...second, seq: 5, at: "2026-12-03T10:01:02Z", type: "reply", data: { post: "post-42", comment: "c-8" } });
await settle();
assert.match(text("threads"), /post post-42 2 activations/, text("threads"));

// the usage chart: a stacked bar per day, a legend per agent
const rects = [];
document.getElementById("usage-chart").find((n) => { if (n.tagName === "rect") rects.push(n); return false; });
assert.equal(rects.length, 3);
assert.match(text("usage-legend"), /echo-agent reader-agent/);
assert.match(text("usage-chart"), /2026-12-02 reader-agent: 300 tokens/);

// agents' states and the runners' busy slots come with the operator API's next read
operator.running = [{ activation_id: "a2", agent: "reader-agent", kind: "notification", attempt: 1, runner: "runner-1" },
  { activation_id: "a3", agent: "echo-agent", kind: "notification", attempt: 1, runner: "runner-1" }];
await vm.runInContext("refreshOperator()", context);
assert.match(text("agent-states"), /reader-agent thinking/, text("agent-states"));
assert.match(text("runners"), /runner-1 +2 busy/, text("runners"));

// idle runners too, once they announced themselves, with their slots
operator.runners = [{ runner: "runner-1", pool: "hybrid", slots: 4, busy: 2 }, { runner: "runner-2", pool: "notification", slots: 2, busy: 0 }];
await vm.runInContext("refreshOperator()", context);
assert.match(text("runners"), /runner-1 hybrid .*2\/4 busy/, text("runners"));
assert.match(text("runners"), /runner-2 notification .*0\/2 busy/, text("runners"));

// an open circuit's button resets it
assert.match(text("circuits"), /flaky-agent 2 failures until .* reset/, text("circuits"));
document.getElementById("circuits").find((n) => n.tagName === "button").click();
await settle();
assert.deepEqual(operator.reset, ["flaky-agent"]);
assert.match(text("circuits"), /^none$/);

// the dead letter's button requeues it
assert.match(text("dead-letters"), /broken-agent notification definition invalid requeue/);
document.getElementById("dead-letters").find((n) => n.tagName === "button").click();
await settle();
assert.deepEqual(operator.requeued, ["0000000000000000000000000dead"]);
assert.match(text("dead-letters"), /^none$/);
console.log("dashboard: live activations, their calls, threads, usage per day, runners, circuit reset and requeue work");
process.exit(0);
