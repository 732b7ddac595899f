/**
 * Every TSDoc `@example` of an exported symbol under src/ runs as a test: the
 * block runs on its own (the names it uses from its module, from the root
 * `clientele` or from core are imported for it, as a reader of the API page
 * would), and each statement with a documented output (`// => value`,
 * printed REPL text, `// SomeError: message`) is checked against what it
 * gives, as the README's blocks are (test/docs/readme.test.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as context from "./exampleContext.js";
import { exampleOutcomeMismatch } from "./exampleOutputs.js";
import { type TsdocExample, tsdocExamples } from "./examples.js";
import { type SnippetStep, snippetModule, snippetSteps } from "./snippets.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Examples that do not run yet, by key (`file#symbol`, `#2` for a symbol's second example), with the
 * reason. Every example runs today; list one here only with a reason, and remove it once it runs (a
 * listed example that passes is reported by a warning naming it).
 */
const SKIPPED: Readonly<Record<string, string>> = {};

const modules = [
  "core",
  "basket",
  "value",
  "segment",
  "churn",
  "satisfaction",
  "crm",
  "store",
  "table",
  "danfo",
  "chart",
  "duckdb",
  "sql",
];

/** The runtime exports of each subpath, to import the names an example uses. */
async function exportNames(module: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys(await import(/* @vite-ignore */ `clientele/${module}`)));
  } catch {
    return new Set();
  }
}
const exported = new Map<string, Set<string>>();
for (const module of modules) exported.set(module, await exportNames(module));
const contextFile = fileURLToPath(new URL("./exampleContext.ts", import.meta.url));
const contextNames = new Set(Object.keys(context).filter((name) => name !== "DATASET_FILES"));

/** The runtime exports of an example's own file (its concept may not be in the module index yet). */
async function ownNames(file: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys(await import(/* @vite-ignore */ join(root, file))));
  } catch {
    return new Set();
  }
}

/** The example's free names (used, neither imported nor declared). */
function usedNames(body: string): { used: Set<string>; taken: Set<string> } {
  const imported = new Set<string>();
  for (const match of body.matchAll(/^import\s*\{([^}]*)\}/gm))
    for (const name of (match[1] as string).split(","))
      imported.add(
        name
          .replace(/^\s*type\s+/, "")
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim() ?? "",
      );
  const declared = new Set(
    [...body.matchAll(/\b(?:const|let|var|function|class)\s+([\w$]+)/g)].map((match) => match[1] as string),
  );
  for (const match of body.matchAll(/\b(?:const|let|var)\s*[[{]([^=]*)[\]}]\s*=/g))
    for (const name of (match[1] as string).split(/[,:\s]+/)) declared.add(name.replace(/^\.\.\./, ""));
  const code = body
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\/\/.*$/gm, "")
    .replace(/\.\.\./g, " ");
  const used = new Set(code.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? []);
  return { used, taken: new Set([...imported, ...declared]) };
}

/** The module text of one example: its own imports, then imports of the names it uses but neither imports nor declares. */
async function exampleModule(example: TsdocExample, steps: readonly SnippetStep[]): Promise<string> {
  const body = snippetModule(steps);
  const { used, taken } = usedNames(body);
  const extra: string[] = [];
  const sources: [string, Set<string>][] = [
    [join(root, example.file), await ownNames(example.file)],
    ...[example.module, "core", ...modules].map(
      (module) => [`clientele/${module}`, exported.get(module) ?? new Set<string>()] as [string, Set<string>],
    ),
    [contextFile, contextNames],
  ];
  for (const [from, available] of sources) {
    const names = [...available].filter((name) => used.has(name) && !taken.has(name));
    for (const name of names) taken.add(name);
    if (names.length > 0) extra.push(`import { ${names.join(", ")} } from ${JSON.stringify(from)};`);
  }
  return [...extra, body].join("\n");
}

const loaded = { groceries: context.groceries, mobi: context.mobi, cdnowSummary: context.cdnowSummary };

/** The shared datasets an example uses that are absent here. */
function absentDatasets(example: TsdocExample): string[] {
  const { used, taken } = usedNames(example.code);
  return Object.entries(context.DATASET_FILES)
    .filter(
      ([name]) => used.has(name) && !taken.has(name) && loaded[name as keyof typeof loaded] === undefined,
    )
    .map(([, file]) => file);
}

/**
 * Reads `// throws XError: ...` as `// XError: ...`, and ends top-level statements that close with `}` (`try { ... } catch { ... }`,
 * `for (...) { ... }`) with `;`, which the snippet engine needs to split statements.
 */
function terminated(code: string): string {
  // `// throws XError: message` documents a throw as `// XError: message` does.
  const lines = code.split("\n").map((line) => line.replace(/\/\/\s*throws\s+(?=[A-Z]\w*Error:)/, "// "));
  let depth = 0;
  return lines
    .map((line, index) => {
      const code = line
        .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
        .replace(/\/\/.*$/, "");
      for (const char of code) {
        if ("([{".includes(char)) depth++;
        else if (")]}".includes(char)) depth--;
      }
      if (depth !== 0 || !code.trimEnd().endsWith("}")) return line;
      const next = lines
        .slice(index + 1)
        .find((candidate) => candidate.trim() !== "" && !candidate.trim().startsWith("//"));
      if (next !== undefined && /^\s*(else|catch|finally|[).?:,])/.test(next)) return line;
      return line.replace(/}(\s*(\/\/.*)?)$/, "};$1");
    })
    .join("\n");
}

/** `const x: Type = value;` checked as `const x = value;` (the engine records declarations without a type). */
function withoutAnnotation(step: SnippetStep): SnippetStep {
  if (step.expected === undefined) return step;
  return { ...step, code: step.code.replace(/^(const|let)\s+([\w$]+)\s*:\s*[^=]+?=(?!>)/s, "$1 $2 =") };
}

interface ExampleRun {
  readonly steps: readonly SnippetStep[];
  readonly outcomes: Map<number, { value?: unknown; error?: unknown }>;
  readonly error?: unknown;
}

const directory = mkdtempSync(join(tmpdir(), "clientele-examples-"));
async function runExample(example: TsdocExample, index: number): Promise<ExampleRun> {
  const outcomes = new Map<number, { value?: unknown; error?: unknown }>();
  let steps: SnippetStep[] = [];
  try {
    steps = snippetSteps(terminated(example.code), example.line).map(withoutAnnotation);
    const file = join(directory, `example-${index}.ts`);
    writeFileSync(file, await exampleModule(example, steps));
    const program = (await import(/* @vite-ignore */ file)) as {
      run: (record: (index: number, outcome: { value?: unknown; error?: unknown }) => void) => Promise<void>;
    };
    await program.run((at, outcome) => outcomes.set(at, outcome));
    return { steps, outcomes };
  } catch (error) {
    return { steps, outcomes, error };
  }
}

/** Why an example's run contradicts its documentation, or undefined when it does not. */
function problem(run: ExampleRun): string | undefined {
  if (run.error !== undefined) {
    const error = run.error as Error;
    return `it throws ${error?.name ?? "an error"}: ${String(error?.message ?? error).split("\n")[0]}`;
  }
  for (const [index, step] of run.steps.entries()) {
    if (step.expected === undefined) continue;
    const outcome = run.outcomes.get(index);
    if (outcome === undefined) return `line ${step.line}: the statement did not run`;
    let mismatch: string | undefined;
    try {
      mismatch = exampleOutcomeMismatch(step, outcome);
    } catch (error) {
      mismatch = `the documented output does not parse: ${(error as Error).message}`;
    }
    if (mismatch !== undefined) return `line ${step.line}: ${mismatch.split("\n")[0]}`;
  }
  return undefined;
}

const examples = tsdocExamples(root);

/** The danfo adapter's examples need danfojs-node, outside the default install (`npm run test:danfo` adds it). */
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
const peerMissing: Readonly<Record<string, string | undefined>> = {
  danfo: installed("danfojs-node") ? undefined : "danfojs-node is not installed",
};

describe("TSDoc @example blocks", () => {
  it("are found for every module", () => {
    expect(examples.length).toBeGreaterThan(400);
    expect(new Set(examples.map((example) => example.module))).toEqual(new Set(modules));
  });
  it("skip only examples that exist (a stale key is reported)", () => {
    const keys = new Set(examples.map((example) => example.key));
    const stale = Object.keys(SKIPPED).filter((key) => !keys.has(key));
    if (stale.length > 0)
      console.warn(`[clientele docs] SKIPPED names examples that no longer exist: ${stale.join(", ")}`);
    expect(Object.keys(SKIPPED).length).toBeLessThan(examples.length);
  });
  examples.forEach((example, index) => {
    const missing = peerMissing[example.module];
    if (missing !== undefined) {
      it.skip(`${example.file}:${example.line} ${example.symbol} (skipped: ${missing})`, () => {});
      return;
    }
    const absent = absentDatasets(example);
    if (absent.length > 0) {
      it.skip(`${example.file}:${example.line} ${example.symbol} (skipped: ../shared/datasets/${absent.join(", ")} absent)`, () => {});
      return;
    }
    const reason = SKIPPED[example.key];
    it(`${example.file}:${example.line} ${example.symbol}${reason === undefined ? "" : ` (skipped: ${reason})`}`, async () => {
      const found = problem(await runExample(example, index));
      if (reason === undefined) expect(found === undefined, found).toBe(true);
      else if (found === undefined)
        console.warn(
          `[clientele docs] ${example.key} runs now: remove it from SKIPPED in test/docs/examples.test.ts`,
        );
    });
  });
});
