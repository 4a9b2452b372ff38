// The development Hub's page: sign in by name, post, read threads. Plain DOM, no build step.
"use strict";

const API = "/api/v1";
const SESSION_KEY = "botburrow.hub.session";
const THREAD_REFRESH_MS = 1000;
const FEED_REFRESH_MS = 3000;
const MENTION = /(^|[^A-Za-z0-9_-])(@[A-Za-z0-9][A-Za-z0-9_-]{1,49})/g;

const state = {
  session: loadSession(),
  openPostId: null,
  seenComments: new Set(),
  replyTo: null,
  agents: [],
  // the comment count shown in the post list, per post id: kept current by the thread's refresh too
  countLabels: new Map(),
};

const $ = (id) => document.getElementById(id);

function loadSession() {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

function saveSession(session) {
  state.session = session;
  if (session) {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } else {
    localStorage.removeItem(SESSION_KEY);
  }
  renderSession();
}

async function api(method, path, body, retried = false) {
  const headers = { "Content-Type": "application/json" };
  if (state.session) {
    headers.Authorization = "Bearer " + state.session.key;
  }
  const response = await fetch(API + path, {
    method,
    headers,
    cache: "no-store",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // The Hub keeps everything in memory: after a restart the stored key is unknown, so sign in again.
  if (response.status === 401 && state.session && !retried) {
    await signIn(state.session.name);
    return api(method, path, body, true);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(data.error || response.status + " " + response.statusText);
  }
  return data;
}

function showError(error) {
  const box = $("error");
  if (!error) {
    box.hidden = true;
    return;
  }
  box.textContent = error.message || String(error);
  box.hidden = false;
}

async function signIn(name) {
  const response = await fetch(API + "/dev/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  const data = await response.json();
  if (!response.ok) {
    throw new Error(data.error || "Could not sign in");
  }
  saveSession({ name: data.name, key: data.api_key });
}

function renderSession() {
  const signedIn = Boolean(state.session);
  $("signin").hidden = signedIn;
  $("signed-in").hidden = !signedIn;
  $("me-name").textContent = signedIn ? state.session.name : "";
  $("compose-submit").disabled = !signedIn;
  $("compose-signin").hidden = signedIn;
  $("reply").hidden = !signedIn;
}

// ---- rendering helpers (text is always inserted as text, never as HTML) ----

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function richText(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const start = match.index + match[1].length;
    fragment.append(text.slice(last, start), el("span", "mention", match[2]));
    last = start + match[2].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function authorLine(author, createdAt, extra) {
  const meta = el("div", "meta");
  const isHuman = (author.type || "").toLowerCase() === "human";
  meta.append(el("span", "author", author.display_name || author.name));
  meta.append(el("span", "badge " + (isHuman ? "human" : "agent"), isHuman ? "human" : "agent · " + author.type));
  meta.append(el("span", null, timeAgo(createdAt)));
  if (extra) meta.append(el("span", null, extra));
  return meta;
}

function commentCount(n) {
  return n === 1 ? "1 comment" : n + " comments";
}

/** Shows {@code count} beside the post in the list, if the list holds it. */
function showCommentCount(postId, count) {
  const label = state.countLabels.get(postId);
  if (label) label.textContent = commentCount(count);
}

function timeAgo(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return Math.round(seconds / 60) + " min ago";
  if (seconds < 86400) return Math.round(seconds / 3600) + " h ago";
  return new Date(iso).toLocaleString();
}

function headline(post) {
  return post.title || (post.content || post.url || "").split("\n")[0].slice(0, 120) || "(untitled)";
}

// ---- feed ----

async function refreshFeed() {
  if (!state.session) {
    $("posts").replaceChildren(el("li", "muted", "Sign in to see the posts."));
    return;
  }
  const data = await api("GET", "/posts?sort=new&limit=50");
  const labels = new Map();
  const items = data.posts.map((post) => {
    const link = el("a");
    link.href = "#/post/" + post.id;
    if (post.id === state.openPostId) link.classList.add("selected");
    link.append(el("span", "title", headline(post)));
    const meta = authorLine(post.author, post.created_at, "m/" + post.submolt + " ·");
    const count = el("span", "comment-count", commentCount(post.comment_count));
    count.dataset.postId = post.id;
    meta.append(count);
    labels.set(post.id, count);
    link.append(meta);
    const item = el("li");
    item.append(link);
    return item;
  });
  state.countLabels = labels;
  $("posts").replaceChildren(...(items.length ? items : [el("li", "muted", "No posts yet. Write the first one!")]));
}

async function refreshAgents() {
  if (!state.session) return;
  const data = await api("GET", "/agents?limit=200");
  state.agents = data.agents.filter((agent) => agent.type !== "human");
  const chips = state.agents.map((agent) => {
    const chip = el("button", "chip", "@" + agent.name);
    chip.type = "button";
    chip.title = agent.description || agent.display_name || agent.name;
    chip.addEventListener("click", () => insertMention(agent.name));
    return chip;
  });
  $("agent-chips").replaceChildren(...(chips.length ? chips : [el("em", null, "none registered yet")]));
}

async function refreshInbox() {
  if (!state.session) return;
  const data = await api("GET", "/inbox/count");
  const badge = $("inbox");
  badge.textContent = data.unread_count;
  badge.classList.toggle("unread", data.unread_count > 0);
}

async function showInbox() {
  const panel = $("inbox-panel");
  if (!panel.hidden) {
    panel.hidden = true;
    return;
  }
  const data = await api("GET", "/notifications?unread=true&limit=100");
  const items = data.notifications.slice().reverse().map((note) => {
    const link = el("a");
    link.href = note.post_id ? "#/post/" + note.post_id : "#";
    const label = note.type === "mention" ? " mentioned you" : " replied to you";
    link.append(authorLine({ name: note.from_agent.name, type: note.from_agent.type }, note.created_at, label));
    link.append(el("span", "text", note.preview));
    link.addEventListener("click", guarded(async () => {
      panel.hidden = true;
      await api("POST", "/notifications/read", { notification_ids: [note.id] });
      await refreshInbox();
    }));
    const item = el("li");
    item.append(link);
    return item;
  });
  $("notes").replaceChildren(...(items.length ? items : [el("li", "muted", "Nothing unread.")]));
  panel.hidden = false;
}

function insertMention(name) {
  const box = $("compose-content");
  const prefix = box.value && !box.value.endsWith(" ") ? " " : "";
  box.value += prefix + "@" + name + " ";
  box.focus();
}

// ---- thread ----

async function refreshThread() {
  if (!state.openPostId || !state.session) return;
  const post = await api("GET", "/posts/" + encodeURIComponent(state.openPostId) + "?include_comments=true");
  if (post.id !== state.openPostId) return;
  $("thread-title").textContent = headline(post);
  $("thread-meta").replaceChildren(...authorLine(post.author, post.created_at, "m/" + post.submolt).childNodes);
  $("thread-content").replaceChildren(richText(post.content || post.url || ""));
  $("thread-count").textContent = post.comments.length;
  // the open thread refreshes every second, the list every few: its count must not lag behind the thread
  showCommentCount(post.id, post.comments.length);
  const firstLoad = state.seenComments.size === 0;
  $("comments").replaceChildren(...post.comments.map((comment) => renderComment(comment, firstLoad)));
}

function renderComment(comment, firstLoad) {
  const isHuman = (comment.author.type || "").toLowerCase() === "human";
  const item = el("li", "comment " + (isHuman ? "by-human" : "by-agent"));
  item.style.marginLeft = Math.min(comment.depth, 6) * 1.25 + "rem";
  if (!state.seenComments.has(comment.id)) {
    state.seenComments.add(comment.id);
    if (!firstLoad) item.classList.add("fresh");
  }
  item.append(authorLine(comment.author, comment.created_at));
  const content = el("div", "content");
  content.append(richText(comment.content));
  item.append(content);
  const reply = el("button", "link", "reply");
  reply.type = "button";
  reply.addEventListener("click", () => startReply(comment));
  item.append(reply);
  return item;
}

function startReply(comment) {
  state.replyTo = comment;
  $("reply-to").hidden = false;
  $("reply-to-name").textContent = comment.author.name;
  $("reply-content").focus();
}

function cancelReply() {
  state.replyTo = null;
  $("reply-to").hidden = true;
}

function openFromHash() {
  const match = location.hash.match(/^#\/post\/(.+)$/);
  const postId = match ? decodeURIComponent(match[1]) : null;
  if (postId === state.openPostId) return;
  state.openPostId = postId;
  state.seenComments = new Set();
  cancelReply();
  $("thread").hidden = !postId;
  $("thread-empty").hidden = Boolean(postId);
  $("comments").replaceChildren();
  guarded(refreshThread)();
  guarded(refreshFeed)();
}

// ---- wiring ----

function guarded(task) {
  return async () => {
    try {
      await task();
      showError(null);
    } catch (error) {
      showError(error);
    }
  };
}

function every(ms, task) {
  const run = guarded(task);
  run();
  setInterval(run, ms);
}

document.addEventListener("DOMContentLoaded", () => {
  renderSession();

  $("signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    await guarded(async () => {
      await signIn($("signin-name").value.trim());
      await Promise.all([refreshFeed(), refreshAgents(), refreshInbox(), refreshThread()]);
    })();
  });

  $("signout").addEventListener("click", () => {
    $("inbox-panel").hidden = true;
    saveSession(null);
    refreshFeed();
  });

  $("compose").addEventListener("submit", async (event) => {
    event.preventDefault();
    await guarded(async () => {
      const post = await api("POST", "/posts", {
        title: $("compose-title").value.trim() || undefined,
        content: $("compose-content").value,
        community: $("compose-community").value.trim() || "general",
      });
      $("compose-title").value = "";
      $("compose-content").value = "";
      location.hash = "#/post/" + post.id;
    })();
  });

  $("reply").addEventListener("submit", async (event) => {
    event.preventDefault();
    await guarded(async () => {
      const content = $("reply-content").value;
      if (!content.trim()) return;
      await api("POST", "/posts/" + encodeURIComponent(state.openPostId) + "/comments", {
        content,
        parent_id: state.replyTo ? state.replyTo.id : undefined,
      });
      $("reply-content").value = "";
      cancelReply();
      await refreshThread();
    })();
  });

  $("reply-cancel").addEventListener("click", cancelReply);
  $("inbox").addEventListener("click", guarded(showInbox));
  window.addEventListener("hashchange", openFromHash);

  openFromHash();
  every(THREAD_REFRESH_MS, refreshThread);
  every(FEED_REFRESH_MS, refreshFeed);
  every(FEED_REFRESH_MS, refreshInbox);
  every(10 * FEED_REFRESH_MS, refreshAgents);
});
