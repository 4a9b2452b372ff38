// Checks Kubernetes objects against the schemas of their API versions, as an API server with strict
// field validation would: every field known to the type of its apiVersion/kind (a misspelt or
// misplaced field is an error), values of the declared types, required fields present, and the
// runtime JSON-schema checks of the same models. Types come from npm packages: kubernetes-models
// (the Kubernetes OpenAPI) and @kubernetes-models/keda (KEDA's CRDs). TypeScript's excess-property
// check on the object literals is what makes unknown fields errors.
//
// Usage: node validate.mjs FILE.json...   each FILE a JSON array of objects (rendered manifests).
// Prints one line per object and each error; exits 1 when any object is invalid or has no schema.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ts = require("typescript");

/** The npm module of an apiVersion's types: core "v1" and groups of kubernetes-models, keda.sh of KEDA. */
function moduleOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "keda.sh") {
    return `@kubernetes-models/keda/keda.sh/${version}/${kind}`;
  }
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

/** Whether the packages have types for it (they export ESM only: looked up as files). */
function resolves(specifier) {
  return fs.existsSync(path.join(here, "node_modules", `${specifier}.d.ts`));
}

const objects = [];
for (const file of process.argv.slice(2)) {
  for (const object of JSON.parse(fs.readFileSync(file, "utf8"))) {
    const name = `${path.basename(file, ".json")}: ${object.kind} ${object.metadata?.name ?? "(unnamed)"}`;
    objects.push({ name, object, module: moduleOf(String(object.apiVersion), String(object.kind)) });
  }
}
if (objects.length === 0) {
  console.error("no objects to check");
  process.exit(2);
}

const errors = new Map(objects.map((o) => [o.name, []]));
// beside node_modules, where the type imports resolve
const dir = fs.mkdtempSync(path.join(here, ".check-"));
const sources = [];
objects.forEach((o, i) => {
  if (!resolves(o.module)) {
    errors.get(o.name).push(`no schema for ${o.object.apiVersion} ${o.object.kind}`);
    return;
  }
  const file = path.join(dir, `object${i}.ts`);
  fs.writeFileSync(file, `import type { I${o.object.kind} as T } from "${o.module}";\n`
    + `export const object: T = ${JSON.stringify(o.object, null, 2)};\n`);
  sources.push({ file, owner: o });
});

// type check: unknown fields, wrong types, missing required fields
const program = ts.createProgram(sources.map((s) => s.file), {
  strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  typeRoots: [], types: [], baseUrl: here, paths: {}, rootDir: dir,
});
for (const d of ts.getPreEmitDiagnostics(program)) {
  const source = sources.find((s) => d.file && path.resolve(d.file.fileName) === path.resolve(s.file));
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
  if (!source) {
    console.error(`checker: ${message}`);
    process.exitCode = 1;
    continue;
  }
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const text = d.file.text.split("\n")[line].trim();
  errors.get(source.owner.name).push(`${message}\n    at: ${text}`);
}

// the models' own JSON-schema validation (formats, patterns, required fields, enums)
for (const o of objects) {
  if (!resolves(o.module)) continue;
  const exported = await import(o.module);
  const Model = exported[o.object.kind];
  try {
    new Model(o.object).validate();
  } catch (e) {
    errors.get(o.name).push(`schema: ${e.message}`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

let invalid = 0;
for (const o of objects) {
  const found = errors.get(o.name);
  console.log(`${found.length === 0 ? "valid  " : "INVALID"} ${o.name} (${o.object.apiVersion})`);
  for (const e of found) console.log(`  ${e}`);
  if (found.length > 0) invalid++;
}
console.log(`${objects.length - invalid} valid, ${invalid} invalid`);
if (invalid > 0) process.exitCode = 1;
