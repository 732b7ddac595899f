/**
 * Bundles source the way a consumer's bundler would (esbuild, minified ESM), for the tests that check what
 * one function's bundle holds or weighs (issue 13).
 */
import { build } from "esbuild";

/** How to bundle: esbuild's platform (its default, "browser", unless given), packages left out, where imports resolve from. */
export interface BundleSettings {
  readonly platform?: "node" | "browser" | "neutral";
  readonly external?: readonly string[];
  /** Folder the entry's relative imports resolve from (the repository root by default). */
  readonly resolveDir?: string;
}

/**
 * The minified bundle of `contents` (TypeScript source of an entry module): its code, its size in bytes
 * and the metafile's entry for it (inputs and the bytes each puts in the output).
 *
 * @example
 * const { code, bytes } = await bundleOf('export { gini } from "./src/value/gini.ts";');
 */
export async function bundleOf(contents: string, settings: BundleSettings = {}) {
  const result = await build({
    stdin: { contents, resolveDir: settings.resolveDir ?? process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    metafile: true,
    logLevel: "silent",
    ...(settings.platform === undefined ? {} : { platform: settings.platform, target: "es2022" }),
    external: [...(settings.external ?? [])],
  });
  const file = result.outputFiles[0];
  return {
    code: file?.text ?? "",
    bytes: file?.contents.length ?? 0,
    output: Object.values(result.metafile.outputs)[0],
  };
}
