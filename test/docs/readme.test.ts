/**
 * Every TypeScript block of the README runs, in order, as one program; each
 * statement with a documented output (`// => value`, printed REPL text or an
 * error) is a test, so a documented number that stops being true fails CI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  outcomeMismatch,
  type SnippetStep,
  snippetModule,
  snippetSteps,
  typescriptBlocks,
} from "./snippets.js";

const readmePath = fileURLToPath(new URL("../../README.md", import.meta.url));
const steps: SnippetStep[] = typescriptBlocks(readFileSync(readmePath, "utf8")).flatMap((block) =>
  snippetSteps(block.code, block.line),
);

const outcomes = new Map<number, { value?: unknown; error?: unknown }>();
let programError: unknown;
try {
  const file = join(mkdtempSync(join(tmpdir(), "clientele-readme-")), "readme-snippets.ts");
  writeFileSync(file, snippetModule(steps));
  const program = (await import(/* @vite-ignore */ file)) as {
    run: (record: (index: number, outcome: { value?: unknown; error?: unknown }) => void) => Promise<void>;
  };
  await program.run((index, outcome) => outcomes.set(index, outcome));
} catch (error) {
  programError = error;
}

describe("README code blocks", () => {
  it("run from start to end without an error outside the documented ones", () => {
    expect(programError).toBeUndefined();
  });
  it("document at least one output per module section", () => {
    expect(steps.filter((step) => step.expected !== undefined).length).toBeGreaterThanOrEqual(10);
  });
  steps.forEach((step, index) => {
    if (step.expected === undefined) return;
    it(`README.md:${step.line} ${step.code.split("\n")[0]}`, () => {
      const outcome = outcomes.get(index);
      expect(outcome, "the statement did not run").toBeDefined();
      expect(outcomeMismatch(step, outcome ?? {})).toBeUndefined();
    });
  });
});
