/**
 * What one function's bundle is made of: `node scripts/.meta.mjs <module> <name>` (or no arguments for the
 * root import) prints the minified bytes by source folder, then the largest files (TOP=n for more).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [mod, name] = process.argv.slice(2);
const plugin = {
  name: "c",
  setup(b) {
    b.onResolve({ filter: /^clientele(\/[a-z]+)?$/ }, (a) => {
      const m = a.path.split("/")[1];
      return { path: join(root, "src", m === undefined ? "index.ts" : `${m}/index.ts`) };
    });
  },
};
const r = await build({
  stdin: {
    contents: name ? `export { ${name} } from "clientele/${mod}";` : `export * from "clientele";`,
    resolveDir: root,
    loader: "js",
  },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  write: false,
  external: ["arquero", "danfojs-node", "vega", "vega-lite", "@duckdb/node-api", "apache-arrow"],
  plugins: [plugin],
  logLevel: "silent",
  metafile: true,
});
const ins = Object.entries(Object.values(r.metafile.outputs)[0].inputs)
  .map(([p, i]) => [p.replace(/.*node_modules\//, "nm/"), i.bytesInOutput])
  .sort((a, b) => b[1] - a[1]);
console.log("total", r.outputFiles[0].contents.length);
const byDir = {};
for (const [p, b] of ins) {
  const d = p.startsWith("nm/") ? p.split("/").slice(0, 2).join("/") : p.split("/").slice(0, 2).join("/");
  byDir[d] = (byDir[d] ?? 0) + b;
}
console.log(
  Object.entries(byDir)
    .sort((a, b) => b[1] - a[1])
    .map(([d, b]) => `${d} ${b}`)
    .join("\n"),
);
console.log(
  ins
    .slice(0, Number(process.env.TOP ?? 25))
    .map(([p, b]) => `${b}\t${p}`)
    .join("\n"),
);
