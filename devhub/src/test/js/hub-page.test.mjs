// Runs the Hub page's script (hub.js) on a small stand-in DOM and a stand-in Hub API, with Node's
// built-ins only: what the post list shows while agents reply in the open thread.
// Usage: node hub-page.test.mjs PATH/TO/hub.js   (exit 0 when every check holds)
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
    const classes = new Set();
    this.classList = {
      add: (c) => classes.add(c),
      remove: (c) => classes.delete(c),
      contains: (c) => classes.has(c),
      toggle: (c, on) => (on === undefined ? (classes.has(c) ? classes.delete(c) : classes.add(c)) : on ? classes.add(c) : classes.delete(c)),
    };
  }
  get textContent() {
    return this.ownText + this.children.map((c) => (typeof c === "string" ? c : c.textContent)).join(" ");
  }
  set textContent(text) {
    this.ownText = String(text);
    this.children = [];
  }
  get childNodes() {
    return this.children.slice();
  }
  append(...nodes) {
    for (const n of nodes) {
      if (n instanceof Node && n.tagName === "#fragment") this.children.push(...n.children);
      else this.children.push(n);
    }
  }
  replaceChildren(...nodes) {
    this.children = [];
    this.ownText = "";
    this.append(...nodes);
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  focus() {}
}

const byId = new Map();
const documentListeners = {};
const document = {
  getElementById: (id) => byId.get(id) || byId.set(id, new Node("#" + id)).get(id),
  createElement: (tag) => new Node(tag),
  createDocumentFragment: () => new Node("#fragment"),
  addEventListener: (type, fn) => (documentListeners[type] ||= []).push(fn),
};

// the Hub: one post, its comments, counted as the real list endpoint counts them
const hub = { comments: [] };
const post = () => ({
  id: "p1", title: "Question", content: "@echo-agent hi", submolt: "general", created_at: new Date().toISOString(),
  author: { name: "ron", type: "human" }, comment_count: hub.comments.length,
});
const reply = (n) => ({
  id: "c" + n, content: "answer " + n, depth: 0, created_at: new Date().toISOString(), author: { name: "echo-agent", type: "native" },
});
async function fetch(url) {
  const path = url.replace(/^\/api\/v1/, "");
  let body = {};
  if (path.startsWith("/posts?")) body = { posts: [post()] };
  else if (path.startsWith("/posts/p1")) body = { ...post(), comments: hub.comments };
  else if (path.startsWith("/agents")) body = { agents: [] };
  else if (path.startsWith("/inbox/count")) body = { unread_count: 0 };
  return { ok: true, status: 200, json: async () => body };
}

const storage = new Map([["botburrow.hub.session", JSON.stringify({ name: "ron", key: "k" })]]);
const context = vm.createContext({
  document,
  fetch,
  console,
  Date,
  URL,
  location: { hash: "#/post/p1" },
  localStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: (k) => storage.delete(k) },
  setInterval: () => 0,
  window: { addEventListener: () => {} },
});
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context, { filename: "hub.js" });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const listed = () => document.getElementById("posts").textContent;

documentListeners.DOMContentLoaded.forEach((fn) => fn());
await settle();
assert.match(listed(), /\b0 comments\b/, "the list shows the post without comments: " + listed());

// two agents reply; the open thread refreshes (every second), the list's own refresh has not come yet
hub.comments.push(reply(1), reply(2));
await vm.runInContext("refreshThread()", context);
assert.equal(document.getElementById("thread-count").textContent, "2");
assert.match(listed(), /\b2 comments\b/, "the list keeps up with the open thread: " + listed());

// the list's own refresh agrees, and one comment is "1 comment"
hub.comments.pop();
await vm.runInContext("refreshFeed()", context);
assert.match(listed(), /\b1 comment\b/, listed());
console.log("hub page: comment counts stay current");
