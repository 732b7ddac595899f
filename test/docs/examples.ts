/**
 * The TSDoc `@example` blocks of the exported symbols under src/, for
 * test/docs/examples.test.ts: each block is a snippet (see ./snippets.ts) run
 * on its own, with the names it uses imported from its module.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** One `@example` block of an exported symbol. */
export interface TsdocExample {
  /** Source file, relative to the repository (`src/value/gini.ts`). */
  readonly file: string;
  /** The module folder under src/ (`value`). */
  readonly module: string;
  /** The exported symbol the comment documents. */
  readonly symbol: string;
  /** Which example of the symbol (1-based), for blocks of symbols with several. */
  readonly ordinal: number;
  /** Stable key for skip lists: `src/value/gini.ts#gini` (with `#2`, ... for further examples). */
  readonly key: string;
  /** 1-based line of the block's first code line in the file. */
  readonly line: number;
  /** The code, without the comment's leading `*`. */
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "internal" ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|test-d|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const DOC_THEN_EXPORT =
  /\/\*\*([\s\S]*?)\*\/\s*export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/g;

/** Every `@example` block of an exported symbol in the files of `src/` (internal folders and tests excluded). */
export function tsdocExamples(root: string): TsdocExample[] {
  const examples: TsdocExample[] = [];
  for (const path of sourceFiles(join(root, "src")).sort()) {
    const text = readFileSync(path, "utf8");
    const file = relative(root, path).split("\\").join("/");
    const module = file.split("/")[1] as string;
    for (const match of text.matchAll(DOC_THEN_EXPORT)) {
      const symbol = match[2] as string;
      const bodyStart = (match.index ?? 0) + 3;
      const firstLine = text.slice(0, bodyStart).split("\n").length;
      const lines = (match[1] as string).split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
      let ordinal = 0;
      for (let i = 0; i < lines.length; i++) {
        if (!/^@example\b/.test(lines[i] as string)) continue;
        let open = i + 1;
        while (open < lines.length && (lines[open] as string).trim() === "") open++;
        if (!/^```(ts|typescript)\s*$/.test((lines[open] as string | undefined)?.trim() ?? "")) continue;
        let close = open + 1;
        while (close < lines.length && !(lines[close] as string).trim().startsWith("```")) close++;
        ordinal++;
        examples.push({
          file,
          module,
          symbol,
          ordinal,
          key: ordinal === 1 ? `${file}#${symbol}` : `${file}#${symbol}#${ordinal}`,
          line: firstLine + open + 1,
          code: lines.slice(open + 1, close).join("\n"),
        });
        i = close;
      }
    }
  }
  return examples;
}
