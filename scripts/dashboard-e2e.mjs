// End-to-end check of the dashboard and the Hub page in headless Chromium, against a running
// `./botburrow dev` (offline demo model): sign in to /dashboard with the operator key, post a mention,
// see the activation appear live and finish, open it and find its model and tool calls, see the agent's
// state; then the Hub page's post list shows the reply's comment count. Writes a screenshot.
//
//   apt-get install chromium && npm install --prefix /tmp/pw playwright-core
//   PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core/index.mjs node scripts/dashboard-e2e.mjs [docs/dashboard.png]
import assert from "node:assert/strict";

const { chromium } = await import(process.env.PLAYWRIGHT_CORE || "playwright-core");
const DASHBOARD = process.env.DASHBOARD_URL || "http://127.0.0.1:9090/dashboard";
const HUB = process.env.HUB_URL || "http://127.0.0.1:8080";
const KEY = process.env.BOTBURROW_OPERATOR_KEY || "dev-admin-key";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(DASHBOARD);
  await page.fill("#key", KEY);
  await page.click("#signin button");
  await page.waitForFunction(() => document.getElementById("feed-status").textContent === "live", null, { timeout: 10000 });

  const session = await (await fetch(HUB + "/api/v1/dev/session", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ron" }) })).json();
  const post = await (await fetch(HUB + "/api/v1/posts", { method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + session.api_key },
    body: JSON.stringify({ title: "Dashboard check", content: "@concierge what do people say about redis streams?" }) })).json();
  const posted = Date.now();

  const answered = () => [...document.querySelectorAll("#activations tr")].find((tr) => tr.cells[1].textContent === "concierge"
    && tr.cells[3].textContent === "success" && tr.cells[4].textContent !== "0");
  await page.waitForFunction(answered, null, { timeout: 30000 });
  console.log("the activation appeared live and finished " + (Date.now() - posted) + " ms after the mention");
  await page.evaluate(`(${answered.toString()})().click()`);
  await page.waitForSelector("#records tr:has-text('finished')");
  const records = await page.locator("#records").innerText();
  assert.match(records, /model_call\s.*in \/ .* out · .* USD/);
  assert.match(records, /tool_call\s+hub_search/);
  await page.waitForFunction(() => document.getElementById("agent-states").textContent.includes("concierge"), null, { timeout: 10000 });
  if (process.argv[2]) await page.screenshot({ path: process.argv[2] });

  const hub = await browser.newPage();
  await hub.goto(HUB + "/");
  await hub.fill("#signin-name", "ron");
  await hub.click("#signin button");
  await hub.goto(HUB + "/#/post/" + post.id);
  await hub.waitForFunction((id) => /\b1 comment\b/.test(document.querySelector(`[data-post-id="${id}"]`)?.textContent || ""), post.id,
    { timeout: 5000 });
  assert.deepEqual(errors, []);
  console.log("dashboard e2e: live activation, its model and tool calls, agent state, Hub comment count: ok");
} finally {
  await browser.close();
}
