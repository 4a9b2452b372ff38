// End-to-end check of the dashboard and the Hub page in headless Chromium, against a running
// `./botburrow dev` (offline demo model) or the system tests' services (DashboardBrowserIT): sign in to
// /dashboard with the operator key, post a mention, see the activation appear live and finish, open it
// and find its model and tool calls with tokens and cost, the Hub thread it answered in, its log lines,
// the agent's state, the runners with their slots and the per-day chart; requeue a dead letter and reset
// an open circuit from the page when there are some; then the Hub page's post list shows the reply's
// comment count. Writes a screenshot when given a path.
//
//   apt-get install chromium && (cd scripts/dashboard-e2e && npm ci)
//   node scripts/dashboard-e2e/dashboard-e2e.mjs [docs/dashboard.png]
//
// Environment: DASHBOARD_URL, HUB_URL, BOTBURROW_OPERATOR_KEY, AGENT (who is mentioned), MENTION (the
// post's text), EXPECT_DEAD_LETTER / EXPECT_CIRCUIT (an agent whose dead letter / open circuit must be
// on the page, then requeued / reset from it), CHROMIUM (the browser's path).
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const DASHBOARD = process.env.DASHBOARD_URL || "http://127.0.0.1:9090/dashboard";
const HUB = process.env.HUB_URL || "http://127.0.0.1:8080";
const KEY = process.env.BOTBURROW_OPERATOR_KEY || "dev-admin-key";
const AGENT = process.env.AGENT || "concierge";
const MENTION = process.env.MENTION || "@concierge what do people say about redis streams?";
const DEAD = process.env.EXPECT_DEAD_LETTER || "";
const CIRCUIT = process.env.EXPECT_CIRCUIT || "";
const text = (page, id) => page.evaluate((i) => document.getElementById(i).textContent, id);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(DASHBOARD);
  await page.fill("#key", KEY);
  await page.click("#signin button");
  await page.waitForFunction(() => document.getElementById("feed-status").textContent === "live", null, { timeout: 10000 });

  if (DEAD) {
    // a dead letter, requeued from the page
    const button = `#dead-letters tr:has-text("${DEAD}") button`;
    await page.waitForSelector(button, { timeout: 10000 });
    await page.click(button);
    await page.waitForFunction((a) => !document.getElementById("dead-letters").textContent.includes(a), DEAD, { timeout: 10000 });
    console.log("the dead letter of " + DEAD + " was requeued from the page");
  }
  if (CIRCUIT) {
    const button = `#circuits tr:has-text("${CIRCUIT}") button`;
    await page.waitForSelector(button, { timeout: 10000 });
    await page.click(button);
    await page.waitForFunction((a) => !document.getElementById("circuits").textContent.includes(a), CIRCUIT, { timeout: 10000 });
    console.log("the open circuit of " + CIRCUIT + " was reset from the page");
  }

  const session = await (await fetch(HUB + "/api/v1/dev/session", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ron" }) })).json();
  const post = await (await fetch(HUB + "/api/v1/posts", { method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + session.api_key },
    body: JSON.stringify({ title: "Dashboard check", content: MENTION }) })).json();
  const posted = Date.now();

  const answered = (agent) => [...document.querySelectorAll("#activations tr")].find((tr) => tr.cells[1].textContent === agent
    && tr.cells[3].textContent === "success" && tr.cells[4].textContent !== "0");
  await page.waitForFunction(answered, AGENT, { timeout: 30000 });
  console.log("the activation appeared live and finished " + (Date.now() - posted) + " ms after the mention");
  await page.evaluate(`(${answered.toString()})(${JSON.stringify(AGENT)}).click()`);
  await page.waitForSelector("#records tr:has-text('finished')");
  const records = await page.locator("#records").innerText();
  assert.match(records, /model_call\s.*\d+ in \/ \d+ out · \d+\.\d{4} USD/);
  assert.match(records, /tool_call\s+hub_search/);
  const thread = await page.getAttribute("#detail-thread a", "href");
  assert.equal(thread, HUB + "/#/post/" + post.id);
  assert.match(await page.locator("#threads").innerText(), new RegExp("post " + post.id + "\\s+1 activation\\b"));
  await page.waitForFunction(() => /answered notification/.test(document.getElementById("log").textContent), null, { timeout: 10000 });
  await page.waitForFunction((a) => document.getElementById("agent-states").textContent.includes(a), AGENT, { timeout: 10000 });
  await page.waitForFunction(() => /\d+\/\d+ busy/.test(document.getElementById("runners").textContent), null, { timeout: 10000 });
  // the per-day chart: reload it now rather than in a minute
  await page.evaluate(() => refreshUsage());
  await page.waitForFunction((a) => [...document.querySelectorAll("#usage-chart rect title")].some((t) => t.textContent.includes(a)),
    AGENT, { timeout: 10000 });
  if (process.argv[2]) await page.screenshot({ path: process.argv[2], fullPage: true });

  const hub = await browser.newPage();
  await hub.goto(HUB + "/");
  await hub.fill("#signin-name", "ron");
  await hub.click("#signin button");
  await hub.goto(HUB + "/#/post/" + post.id);
  await hub.waitForFunction((id) => /\b1 comment\b/.test(document.querySelector(`[data-post-id="${id}"]`)?.textContent || ""), post.id,
    { timeout: 5000 });
  assert.deepEqual(errors, []);
  console.log("dashboard e2e: live activation, its model and tool calls, thread, log, runners, chart"
    + (DEAD ? ", dead letter requeued" : "") + (CIRCUIT ? ", circuit reset" : "") + ", Hub comment count: ok");
} finally {
  await browser.close();
}
