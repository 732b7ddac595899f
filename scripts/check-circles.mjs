#!/usr/bin/env node
/**
 * Fails when the import graph of src/ has a cycle: every module's files must
 * form a tree (types shared by two files belong in a lower file both import).
 * Reads relative `import`/`export ... from` specifiers (type-only imports
 * included: a cycle of types is still a cycle in the design), resolves
 * `./x.js` to `./x.ts`, and prints each cycle once as a chain of files.
 *
 * Usage: node scripts/check-circles.mjs
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "src");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") && !/\.test(-d)?\.ts$/.test(name) ? [path] : [];
  });
}

const graph = new Map();
for (const file of files(source)) {
  const text = readFileSync(file, "utf8");
  const targets = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"(\.[^"]+)"/g)) {
    const target = resolve(dirname(file), (match[1] ?? "").replace(/\.js$/, ".ts"));
    if (existsSync(target)) targets.push(target);
  }
  graph.set(file, targets);
}

const cycles = new Map();
const state = new Map(); // 1 = on the stack, 2 = done
const stack = [];
function visit(file) {
  state.set(file, 1);
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 1) {
      const cycle = stack.slice(stack.indexOf(next)).map((path) => relative(root, path));
      const key = [...cycle].sort().join(" ");
      if (!cycles.has(key)) cycles.set(key, [...cycle, relative(root, next)].join(" -> "));
    } else if (state.get(next) === undefined) visit(next);
  }
  stack.pop();
  state.set(file, 2);
}
for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);

if (cycles.size > 0) {
  console.error(`check-circles: ${cycles.size} import cycle(s) in src/:`);
  for (const cycle of cycles.values()) console.error(`  ${cycle}`);
  process.exit(1);
}
console.log(`check-circles: ok: ${graph.size} source files, no import cycles`);
