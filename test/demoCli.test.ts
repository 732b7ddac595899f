/** The demo's command line: help, clear one-line errors for bad values, and the HTML path the user asked for. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const demo = (args: readonly string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "examples/demo.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env, FORCE_COLOR: "0" },
  });

describe("npm run demo", () => {
  it("--help prints the usage and exits 0", () => {
    const run = demo(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run demo -- \[--customers N\] \[--seed S\] \[--html \[FILE\]\]/);
  });

  it.each([
    [["--customers", "abc"], '--customers must be an integer from 10 to 1000000, got "abc"'],
    [["--seed", "1.5"], "--seed must be an integer"],
    [["--customers"], "--customers needs a value"],
    [["--colour", "red"], 'unknown argument "--colour"'],
  ])("%j gives one clear line and exit code 2, no stack trace", (args, message) => {
    const run = demo(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`demo: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });

  it("--html FILE writes the report relative to the folder the user ran npm from", () => {
    const folder = mkdtempSync(join(tmpdir(), "clientele-demo-"));
    const run = demo(["--customers", "60", "--html", "nested/report.html"], { INIT_CWD: folder });
    expect(run.status).toBe(0);
    const written = join(folder, "nested", "report.html");
    expect(existsSync(written)).toBe(true);
    expect(readFileSync(written, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("the default --html path is inside a folder git ignores", () => {
    const ignored = readFileSync(join(root, ".gitignore"), "utf8").split("\n");
    expect(ignored).toContain("reports/");
    expect(readFileSync(join(root, "examples", "demo.ts"), "utf8")).toContain('"reports/demo-report.html"');
  });
});
