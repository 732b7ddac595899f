/**
 * Documentation snippets as tests: a TypeScript block from the README (or a
 * TSDoc `@example`) is split into statements; a statement followed by a
 * documented output becomes a check, the rest run as they are.
 *
 * Documented outputs take three forms, as written in the docs:
 * - `expr; // => value` or `// => value` on the next lines: a value written as
 *   a JavaScript literal; `...` stands for elided elements or keys, and a
 *   number matches to the digits shown (`0.634` means within 0.0005);
 * - comment lines without `=>`: the text the REPL prints (`util.inspect`),
 *   matched line by line in order, whitespace runs equal, `...` eliding text;
 * - `// SomeError: message`: the statement throws that error with that message.
 */
import { inspect } from "node:util";

/** One statement of a snippet, with what the docs say it gives. */
export interface SnippetStep {
  /** The statement's code, without the documented output. */
  readonly code: string;
  /** 1-based line of the statement in the source document. */
  readonly line: number;
  /** Documented output: a literal (`=>`), printed text, or a thrown error; absent for plain statements. */
  readonly expected?: { readonly kind: "value" | "printed" | "error"; readonly text: string };
}

/** The TypeScript blocks of a Markdown document, with their first line numbers. */
export function typescriptBlocks(markdown: string): { readonly code: string; readonly line: number }[] {
  const blocks: { code: string; line: number }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? "").startsWith("```")) end++;
    blocks.push({ code: lines.slice(start, end).join("\n"), line: start + 1 });
    i = end;
  }
  return blocks;
}

/** Bracket depth change of a line of code, ignoring strings and a trailing `//` comment. */
function scan(line: string): { depth: number; code: string; comment: string | undefined } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") depth--;
    else if (char === "/" && line[i + 1] === "/") {
      return { depth, code: line.slice(0, i).trimEnd(), comment: line.slice(i + 2) };
    }
  }
  return { depth, code: line, comment: undefined };
}

/** Splits a snippet into statements and their documented outputs. */
export function snippetSteps(code: string, firstLine: number): SnippetStep[] {
  const steps: { code: string; line: number; output: string[]; inline: boolean }[] = [];
  let buffer: string[] = [];
  let bufferLine = 0;
  let depth = 0;
  let collecting = false;
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (buffer.length === 0) {
      if (trimmed.startsWith("//")) {
        const last = steps.at(-1);
        if (collecting && last !== undefined) last.output.push(trimmed.slice(2));
        continue;
      }
      if (trimmed === "") {
        collecting = false;
        continue;
      }
      bufferLine = firstLine + i;
    }
    const scanned = scan(line);
    depth += scanned.depth;
    buffer.push(scanned.code);
    if (depth === 0 && scanned.code.trimEnd().endsWith(";")) {
      const inline = scanned.comment?.trimStart().startsWith("=>") === true;
      steps.push({
        code: buffer.join("\n").trim(),
        line: bufferLine,
        output: inline ? [scanned.comment as string] : [],
        inline,
      });
      buffer = [];
      collecting = true;
    }
  }
  if (buffer.length > 0)
    throw new Error(`snippet at line ${bufferLine}: unterminated statement ${buffer.join(" ")}`);
  return steps.map((step) => {
    if (step.output.length === 0) return { code: step.code, line: step.line };
    const first = (step.output[0] as string).trim();
    if (first.startsWith("=>")) {
      const text = [first.slice(2), ...step.output.slice(1)].map((part) => part.trim()).join(" ");
      return { code: step.code, line: step.line, expected: { kind: "value", text } };
    }
    if (/^[A-Z]\w*Error:/.test(first)) {
      const text = step.output.map((part) => part.trim()).join(" ");
      return { code: step.code, line: step.line, expected: { kind: "error", text } };
    }
    const text = step.output.map((part) => (part.startsWith(" ") ? part.slice(1) : part)).join("\n");
    return { code: step.code, line: step.line, expected: { kind: "printed", text } };
  });
}

/**
 * Builds one module from the snippets of a document: imports merged at the
 * top, every statement in order inside `run(record)`, and each checked
 * expression's value (or error) handed to `record(index, outcome)`.
 */
export function snippetModule(steps: readonly SnippetStep[]): string {
  const imports = new Map<string, Set<string>>();
  const body: string[] = [];
  steps.forEach((step, index) => {
    const importMatch = /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";$/s.exec(step.code);
    if (importMatch !== null) {
      const names = imports.get(importMatch[2] as string) ?? new Set<string>();
      for (const name of (importMatch[1] as string).split(","))
        if (name.trim() !== "") names.add(name.trim());
      imports.set(importMatch[2] as string, names);
      return;
    }
    if (step.expected === undefined) {
      body.push(step.code);
      return;
    }
    const declaration = /^(const|let)\s+(\w+)\s*=/.exec(step.code);
    if (declaration !== null) {
      body.push(step.code, `record(${index}, { value: ${declaration[2]} });`);
      return;
    }
    const expression = step.code.replace(/;\s*$/, "");
    body.push(
      `try { record(${index}, { value: (${expression}) }); } catch (error) { record(${index}, { error }); }`,
    );
  });
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(", ")} } from "${from}";`);
  return [
    ...head,
    "export async function run(record: (index: number, outcome: unknown) => void) {",
    ...body,
    "}",
  ].join("\n");
}

// --- matching documented output ------------------------------------------------------------------

type Literal =
  | { readonly kind: "number"; readonly value: number; readonly tolerance: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "constant"; readonly value: boolean | null | undefined }
  | { readonly kind: "array"; readonly items: readonly Literal[]; readonly open: boolean }
  | { readonly kind: "object"; readonly entries: readonly [string, Literal][]; readonly open: boolean }
  | { readonly kind: "ellipsis" };

/** Parses a documented literal such as `{ support: 0.0201, items: ["beer", ...], ... }`. */
export function parseLiteral(text: string): Literal {
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
  };
  const fail = (what: string): never => {
    throw new Error(`documented value: expected ${what} at "${text.slice(at, at + 30)}" in ${text}`);
  };
  const value = (): Literal => {
    space();
    if (text.startsWith("...", at)) {
      at += 3;
      return { kind: "ellipsis" };
    }
    const char = text[at];
    if (char === '"' || char === "'") {
      let end = at + 1;
      let out = "";
      while (end < text.length && text[end] !== char) {
        if (text[end] === "\\") end++;
        out += text[end];
        end++;
      }
      at = end + 1;
      return { kind: "string", value: out };
    }
    if (char === "[") {
      at++;
      return list("]", () => value()) as Literal;
    }
    if (char === "{") {
      at++;
      return list("}", () => {
        space();
        if (text.startsWith("...", at)) {
          at += 3;
          return { kind: "ellipsis" } as const;
        }
        const key = /^[\w$]+/.exec(text.slice(at));
        if (key === null) return fail("a key");
        at += key[0].length;
        space();
        if (text[at] !== ":") fail('":"');
        at++;
        return [key[0], value()] as [string, Literal];
      }) as Literal;
    }
    const number = /^[-+]?(\d+)(\.(\d+))?([eE][-+]?\d+)?/.exec(text.slice(at));
    if (number !== null) {
      at += number[0].length;
      const decimals = number[3]?.length ?? 0;
      const exponent = number[4] === undefined ? 0 : Number(number[4].slice(1));
      const integer = decimals === 0 && number[4] === undefined;
      return {
        kind: "number",
        value: Number(number[0]),
        tolerance: integer ? 0 : 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9),
      };
    }
    const word = /^(true|false|null|undefined)\b/.exec(text.slice(at));
    if (word !== null) {
      at += word[0].length;
      const constants = { true: true, false: false, null: null, undefined: undefined } as const;
      return { kind: "constant", value: constants[word[1] as keyof typeof constants] };
    }
    return fail("a value");
  };
  function list<E>(close: string, element: () => E): Literal {
    const items: E[] = [];
    let open = false;
    for (;;) {
      space();
      if (text[at] === close) {
        at++;
        break;
      }
      const item = element();
      if (typeof item === "object" && item !== null && "kind" in item && item.kind === "ellipsis")
        open = true;
      else items.push(item);
      space();
      if (text[at] === ",") at++;
      else if (text[at] !== close) fail(`"," or "${close}"`);
    }
    return close === "]"
      ? { kind: "array", items: items as Literal[], open }
      : { kind: "object", entries: items as [string, Literal][], open };
  }
  const parsed = value();
  space();
  if (at < text.length) fail("the end");
  return parsed;
}

/** Why `actual` does not match the documented literal, or undefined when it does. */
export function literalMismatch(expected: Literal, actual: unknown, path = "value"): string | undefined {
  switch (expected.kind) {
    case "ellipsis":
      return undefined;
    case "number":
      return typeof actual === "number" && Math.abs(actual - expected.value) <= expected.tolerance
        ? undefined
        : `${path}: documented ${expected.value}, got ${String(actual)}`;
    case "string":
      return actual === expected.value
        ? undefined
        : `${path}: documented "${expected.value}", got ${inspect(actual)}`;
    case "constant":
      return actual === expected.value
        ? undefined
        : `${path}: documented ${expected.value}, got ${inspect(actual)}`;
    case "array": {
      const items = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
      if (!Array.isArray(items)) return `${path}: documented an array, got ${inspect(actual)}`;
      if (expected.open ? items.length < expected.items.length : items.length !== expected.items.length) {
        return `${path}: documented ${expected.items.length}${expected.open ? "+" : ""} items, got ${items.length}`;
      }
      for (let i = 0; i < expected.items.length; i++) {
        const problem = literalMismatch(expected.items[i] as Literal, items[i], `${path}[${i}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case "object": {
      if (typeof actual !== "object" || actual === null)
        return `${path}: documented an object, got ${inspect(actual)}`;
      const record = actual as Record<string, unknown>;
      for (const [key, value] of expected.entries) {
        if (!(key in record)) return `${path}.${key}: documented, but the value has no such key`;
        const problem = literalMismatch(value, record[key], `${path}.${key}`);
        if (problem !== undefined) return problem;
      }
      if (!expected.open) {
        const documented = new Set(expected.entries.map(([key]) => key));
        const extra = Object.keys(record).filter((key) => !documented.has(key));
        if (extra.length > 0)
          return `${path}: keys ${extra.join(", ")} are not documented (add "..." to elide them)`;
      }
      return undefined;
    }
  }
}

const normalise = (line: string) => line.trim().replace(/\s+/g, " ");

/**
 * Why the printed text does not match the documented lines, or undefined.
 * Each documented line (whitespace runs equal) must match a printed line,
 * in order; `...` in a documented line stands for any text, and a line of
 * only `...` is skipped.
 */
export function printedMismatch(documented: string, printed: string): string | undefined {
  const actual = printed.split("\n").map(normalise);
  let from = 0;
  for (const line of documented.split("\n").map(normalise)) {
    if (line === "" || line === "...") continue;
    const parts = line.split("...").map((part) => part.trim());
    const matches = (candidate: string) => {
      let at = 0;
      for (const [index, part] of parts.entries()) {
        const found = candidate.indexOf(part, at);
        if (found === -1 || (index === 0 && found !== 0)) return false;
        at = found + part.length;
      }
      return parts.length > 1 || at === candidate.length;
    };
    let hit = -1;
    for (let i = from; i < actual.length; i++) {
      if (matches(actual[i] as string)) {
        hit = i;
        break;
      }
    }
    if (hit === -1) return `documented line not printed: "${line}"\nprinted:\n${printed}`;
    from = hit + 1;
  }
  return undefined;
}

/** Why an outcome `{ value } | { error }` contradicts a step's documented output, or undefined. */
export function outcomeMismatch(
  step: SnippetStep,
  outcome: { value?: unknown; error?: unknown },
): string | undefined {
  const expected = step.expected;
  if (expected === undefined) return undefined;
  if (expected.kind === "error") {
    if (!("error" in outcome))
      return `documented an error, but the statement returned ${inspect(outcome.value)}`;
    const error = outcome.error as Error;
    return printedMismatch(normalise(expected.text), normalise(`${error.name}: ${error.message}`));
  }
  if ("error" in outcome)
    return `the statement threw ${String((outcome.error as Error)?.stack ?? outcome.error)}`;
  if (expected.kind === "value") return literalMismatch(parseLiteral(expected.text), outcome.value);
  return printedMismatch(expected.text, inspect(outcome.value, { depth: 4 }));
}
