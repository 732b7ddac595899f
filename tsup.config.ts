import { defineConfig } from "tsup";

/** One entry per public subpath; each is built to ESM + CJS with its own declarations. */
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

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(modules.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  splitting: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
  external: ["arquero", "danfojs-node", "zod", "vega", "vega-lite", "@duckdb/node-api", "apache-arrow"],
});
