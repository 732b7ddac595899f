#!/usr/bin/env node
/**
 * Installs clientele the way a user does and runs consumers against it:
 *
 *   1. `npm pack` in the repository (the `prepare` script builds dist/), then
 *      checks the tarball holds the build of every subpath;
 *   2. a scratch project outside the repository installs the tarball from the
 *      registry-style file (its runtime dependency comes from the registry);
 *   3. an ESM consumer (`import`) and a CommonJS consumer (`require`) run a
 *      small real computation from every kernel subpath and check the answers;
 *   4. a strict TypeScript consumer type-checks against the installed
 *      declarations under moduleResolution node10, node16 and bundler;
 *   5. with `--adapters`: for arquero and danfo.js, a fresh scratch project
 *      follows the README's "Optional adapters" section word for word (the
 *      install command and the package.json overrides shown there are read
 *      from the README itself), then converts a result to a table / DataFrame
 *      and back.
 *
 * Prints one line per step; exits non-zero at the first failure with the
 * command's output.
 *
 * Usage: node scripts/check-consumer.mjs [--adapters] [--keep]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const withAdapters = process.argv.includes("--adapters");
const keep = process.argv.includes("--keep");
const scratch = mkdtempSync(join(tmpdir(), "clientele-consumer-"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(title, action) {
  const started = performance.now();
  try {
    action();
  } catch (error) {
    console.error(`FAIL ${title}`);
    const output = [error.stdout, error.stderr].filter(Boolean).map(String).join("\n");
    console.error(output.trim() || String(error));
    if (!keep) rmSync(scratch, { recursive: true, force: true });
    else console.error(`(scratch kept at ${scratch})`);
    process.exit(1);
  }
  console.log(`ok   ${title} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const run = (command, args, cwd) =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      npm_config_fund: "false",
      npm_config_audit: "false",
      npm_config_update_notifier: "false",
    },
  });

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== "./package.json" && key !== ".")
  .map((key) => key.slice(2));

// --- 1. pack ------------------------------------------------------------------------------------
let tarball = "";
step("npm pack builds and packs dist/", () => {
  const packDir = join(scratch, "pack");
  mkdirSync(packDir);
  run(npm, ["pack", "--pack-destination", packDir, "--silent"], root);
  const file = readdirSync(packDir).find((name) => name.endsWith(".tgz"));
  if (file === undefined) throw new Error("npm pack wrote no tarball");
  tarball = join(packDir, file);
  const listing = run("tar", ["-tzf", tarball], root).split("\n");
  const needed = [
    "package/dist/index.js",
    "package/dist/index.cjs",
    "package/dist/index.d.ts",
    "package/README.md",
  ];
  for (const sub of subpaths) {
    needed.push(
      `package/dist/${sub}/index.js`,
      `package/dist/${sub}/index.cjs`,
      `package/dist/${sub}/index.d.cts`,
    );
  }
  const missing = needed.filter((path) => !listing.includes(path));
  if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(", ")}`);
});

// --- 2. install into a scratch project ----------------------------------------------------------
const consumer = join(scratch, "consumer");
mkdirSync(consumer);
writeFileSync(
  join(consumer, "package.json"),
  JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }),
);
step("a scratch project installs the tarball", () => {
  run(npm, ["install", tarball], consumer);
});

// --- 3. ESM and CommonJS consumers --------------------------------------------------------------
const checks = `
const near = (a, b, what) => { if (!(Math.abs(a - b) <= 1e-9)) throw new Error(what + ": got " + a + ", expected " + b); };
const same = (a, b, what) => { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(what + ": got " + JSON.stringify(a) + ", expected " + JSON.stringify(b)); };
// Gini of [1, 2, 3, 4]: sum |xi - xj| over pairs / (2 n^2 mean) = 20 / (2 * 16 * 2.5) = 0.25
near(value.gini([1, 2, 3, 4]), 0.25, "value.gini");
// beer appears in 2 of the 3 baskets holding diapers: confidence 2/3, support 2/4
const rules = basket.associationRules(
  [["diapers", "beer"], ["diapers", "beer", "chips"], ["diapers"], ["milk"]],
  { minSupport: 0.5, minConfidence: 0.6 },
).rules;
const rule = rules.find((r) => r.antecedent.join() === "diapers" && r.consequent.join() === "beer");
if (rule === undefined) throw new Error("basket: the rule diapers => beer is missing");
near(rule.confidence, 2 / 3, "basket confidence");
near(rule.support, 0.5, "basket support");
// NPS: 2 promoters, 1 passive, 1 detractor of 4 answers = (2 - 1) / 4 = 25
near(satisfaction.netPromoterScore([10, 9, 7, 3]).score, 25, "satisfaction.netPromoterScore");
// two well separated groups: k-means puts the first two points together
const model = segment.kMeans([{ x: 0 }, { x: 0.1 }, { x: 10 }, { x: 10.1 }], { k: 2, fields: ["x"], seed: 1 });
same(model.assignments[0] === model.assignments[1] && model.assignments[2] === model.assignments[3] && model.assignments[0] !== model.assignments[2], true, "segment.kMeans labels");
let typed = false;
try { value.rfmTable([{ c: "a", d: "31/01/2024", a: 5 }], { customer: "c", date: "d", amount: "a", asOf: "2024-02-01" }); }
catch (error) { typed = error instanceof core.InvalidRecordError && error.row === 0; }
same(typed, true, "core.InvalidRecordError from a bad date");
same(typeof churn.trainChurnModel, "function", "churn.trainChurnModel");
same(typeof crm.qualifyProspects, "function", "crm.qualifyProspects");
same(store.generateStore({ seed: 1, customers: 20 }).customers.length, 20, "store.generateStore");
same(typeof root.associationRules === "function" && typeof root.gini === "function", true, "root entry");
console.log("consumer ok");
`;
const kernelSubpaths = subpaths.filter((sub) => sub !== "table" && sub !== "danfo");
const esm = [
  ...kernelSubpaths.map((sub) => `import * as ${sub} from "clientele/${sub}";`),
  `import * as root from "clientele";`,
  checks,
].join("\n");
const cjs = [
  ...kernelSubpaths.map((sub) => `const ${sub} = require("clientele/${sub}");`),
  `const root = require("clientele");`,
  checks,
].join("\n");
writeFileSync(join(consumer, "esm.mjs"), esm);
writeFileSync(join(consumer, "cjs.cjs"), cjs);
step("an ESM consumer imports every kernel subpath and gets the right answers", () => {
  const out = run(process.execPath, ["esm.mjs"], consumer);
  if (!out.includes("consumer ok")) throw new Error(out);
});
step("a CommonJS consumer requires every kernel subpath and gets the right answers", () => {
  const out = run(process.execPath, ["cjs.cjs"], consumer);
  if (!out.includes("consumer ok")) throw new Error(out);
});

// --- 4. strict TypeScript consumers ---------------------------------------------------------------
const typed = `
import { associationRules, type AssociationRule } from "clientele/basket";
import { gini, rfmTable, type RfmTableResult } from "clientele/value";
import { kMeans } from "clientele/segment";
import { InvalidRecordError } from "clientele/core";
import { generateStore } from "clientele";

interface Line { customerId: string; date: string; amount: number }
const lines: readonly Line[] = [{ customerId: "a", date: "2024-01-02", amount: 5 }];
const table: RfmTableResult = rfmTable(lines, { customer: "customerId", date: "date", amount: "amount", asOf: "2024-02-01" });
const share: number = gini(table.customers.map((customer) => customer.monetary));
const first: AssociationRule | undefined = associationRules([["a", "b"]], { minSupport: 0.5, minConfidence: 0.5 }).rules[0];
const segments = kMeans([{ x: 1 }, { x: 2 }], { k: 1, fields: ["x"], seed: 1 });
const error: InvalidRecordError | undefined = undefined;
// @ts-expect-error a misspelled field name is a type error
rfmTable(lines, { customer: "customerID", date: "date", amount: "amount", asOf: "2024-02-01" });
export const used = [share, first, segments, error, generateStore];
`;
writeFileSync(join(consumer, "consumer.ts"), typed);
const profiles = [
  { name: "node10", module: "commonjs", moduleResolution: "node10" },
  { name: "node16", module: "node16", moduleResolution: "node16" },
  { name: "bundler", module: "esnext", moduleResolution: "bundler" },
];
for (const profile of profiles) {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "es2022",
      lib: ["es2022"],
      types: [],
      module: profile.module,
      moduleResolution: profile.moduleResolution,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      ...(profile.name === "node10" ? { ignoreDeprecations: "5.0" } : {}),
    },
    files: ["consumer.ts"],
  };
  writeFileSync(join(consumer, `tsconfig.${profile.name}.json`), JSON.stringify(config, null, 2));
  step(`a strict TypeScript consumer type-checks (moduleResolution ${profile.name})`, () => {
    run(process.execPath, [tsc, "-p", `tsconfig.${profile.name}.json`], consumer);
  });
}

// --- 5. the optional adapters, as the README says -----------------------------------------------
if (withAdapters) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  /** The fenced block after `<!-- consumer:<adapter>:<kind> -->` in the README. */
  const readmeBlock = (adapter, kind) => {
    const marker = `<!-- consumer:${adapter}:${kind} -->`;
    const at = readme.indexOf(marker);
    if (at === -1) throw new Error(`README.md has no ${marker} block`);
    const match = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
    if (match === null) throw new Error(`README.md: no fenced block after ${marker}`);
    return match[1];
  };
  const adapters = [
    {
      name: "arquero",
      subpath: "table",
      program: `
import { rfmTable } from "clientele/value";
import { fromTable, toTable } from "clientele/table";
const result = rfmTable(
  [{ c: "a", d: "2024-01-02", v: 5 }, { c: "a", d: "2024-01-10", v: 7 }, { c: "b", d: "2024-01-05", v: 2 }],
  { customer: "c", date: "d", amount: "v", asOf: "2024-02-01" },
);
const table = toTable(result);
if (table.numRows() !== 2) throw new Error("toTable: expected 2 rows, got " + table.numRows());
const back = fromTable(table);
if (back[0].monetary !== 12 || back[1].frequency !== 1) throw new Error("fromTable: " + JSON.stringify(back));
console.log("adapter ok");
`,
    },
    {
      name: "danfo",
      subpath: "danfo",
      program: `
import { rfmTable } from "clientele/value";
import { fromDataFrame, toDataFrame } from "clientele/danfo";
const result = rfmTable(
  [{ c: "a", d: "2024-01-02", v: 5 }, { c: "a", d: "2024-01-10", v: 7 }, { c: "b", d: "2024-01-05", v: 2 }],
  { customer: "c", date: "d", amount: "v", asOf: "2024-02-01" },
);
const frame = toDataFrame(result);
if (frame.shape[0] !== 2) throw new Error("toDataFrame: expected 2 rows, got " + frame.shape[0]);
const back = fromDataFrame(frame);
if (back[0].monetary !== 12 || back[1].frequency !== 1) throw new Error("fromDataFrame: " + JSON.stringify(back));
console.log("adapter ok");
`,
    },
  ];
  for (const adapter of adapters) {
    const dir = join(scratch, `adapter-${adapter.name}`);
    mkdirSync(dir);
    const overrides = JSON.parse(readmeBlock(adapter.name, "package.json"));
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify(
        { name: `consumer-${adapter.name}`, private: true, version: "1.0.0", ...overrides },
        null,
        2,
      ),
    );
    const command = readmeBlock(adapter.name, "install").trim();
    const words = command.split(/\s+/);
    if (words[0] !== "npm" || words[1] !== "install")
      throw new Error(`README: unexpected install command ${command}`);
    // The README names the package "clientele"; the scratch project installs the packed tarball instead.
    const args = words.slice(1).map((word) => (word === "clientele" ? tarball : word));
    step(`README's ${adapter.name} instructions install (${command})`, () => {
      run(npm, args, dir);
    });
    writeFileSync(join(dir, "adapter.mjs"), adapter.program);
    step(`clientele/${adapter.subpath} works for that consumer`, () => {
      const out = run(process.execPath, ["adapter.mjs"], dir);
      if (!out.includes("adapter ok")) throw new Error(out);
    });
  }
}

if (!keep) rmSync(scratch, { recursive: true, force: true });
else console.log(`scratch kept at ${scratch}`);
