#!/usr/bin/env node
/**
 * Runs every example story the way a user would, one after another:
 * each `examples/*.ts` (alphabetically; not the section builders in
 * examples/demo/), then those of sub-folders such as `examples/man/`, then the demo `examples/demo.ts`, each as
 * `node --import tsx examples/<file>.ts` from the repository root (tsx maps
 * `clientele` and `clientele/<module>` to src/ through tsconfig paths).
 *
 * Prints one line per example (ok / failed / timed out, wall time); for a
 * failure, the tail of its output. Exits non-zero if any example failed.
 *
 * Usage: node scripts/run-examples.mjs [name-filter ...]
 *   EXAMPLE_TIMEOUT_MS  per-example time limit (default 120000)
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const timeoutMs = Number(process.env.EXAMPLE_TIMEOUT_MS ?? 120_000);
const filters = process.argv.slice(2);
const DEMO = "demo.ts";

/** The stories, then the worked cases of sub-folders such as examples/man/ (`man/realEstate.ts`). */
const tsFiles = (folder) =>
  readdirSync(join(root, "examples", folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && entry.name !== DEMO)
    .map((entry) => (folder === "" ? entry.name : `${folder}/${entry.name}`))
    .sort();
const folders = readdirSync(join(root, "examples"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "demo")
  .map((entry) => entry.name)
  .sort();
const stories = [...tsFiles(""), ...folders.flatMap(tsFiles)];
/** Examples that need an optional peer dependency the default install leaves out. */
const NEEDS = { "tables-and-frames.ts": "danfojs-node" };
const installed = (name) => existsSync(join(root, "node_modules", name, "package.json"));
const files = [...stories, DEMO]
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .filter((name) => {
    const peer = NEEDS[name];
    if (peer === undefined || installed(peer)) return true;
    console.log(
      `skip    examples/${name}: needs ${peer}, which is not installed (npm run test:danfo runs it)`,
    );
    return false;
  })
  .map((name) => `examples/${name}`);

/** Runs one example; resolves with its status, time and captured output. */
function run(file) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let output = "";
    const collect = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const status = timedOut ? "timed out" : code === 0 ? "ok" : `failed (${signal ?? `exit ${code}`})`;
      done({ file, status, seconds, output });
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ file, status: `failed (${error.message})`, seconds: 0, output });
    });
  });
}

if (files.length === 0) {
  console.error(`run-examples: no example matches ${filters.join(", ")}`);
  process.exit(1);
}
const width = Math.max(...files.map((file) => file.length));
const failures = [];
let total = 0;
for (const file of files) {
  const result = await run(file);
  total += result.seconds;
  console.log(
    `${result.status === "ok" ? "ok    " : "FAILED"}  ${file.padEnd(width)}  ${result.seconds.toFixed(1).padStart(6)} s${result.status === "ok" ? "" : `  ${result.status}`}`,
  );
  if (result.status !== "ok") {
    failures.push(result.file);
    const output = result.output.trimEnd();
    if (output !== "") for (const line of output.split("\n").slice(-25)) console.log(`        | ${line}`);
  }
}
const summary = `run-examples: ${files.length - failures.length}/${files.length} ok in ${total.toFixed(1)} s`;
if (failures.length > 0) {
  console.error(`${summary}; failed: ${failures.join(", ")}`);
  process.exit(1);
}
console.log(summary);
