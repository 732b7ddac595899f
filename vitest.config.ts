import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** danfojs-node (with TensorFlow.js, ~270 MB) is not in the default install; its adapter tests run when it is. */
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
const withDanfo = installed("danfojs-node");
if (!withDanfo) {
  console.warn(
    "[clientele tests] skipping src/danfo: danfojs-node is not installed (`npm run test:danfo` installs it and runs them)",
  );
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^clientele\/(.+)$/, replacement: source("./src/$1/index.ts") },
      { find: /^clientele$/, replacement: source("./src/index.ts") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(withDanfo ? [] : ["src/danfo/**"])],
    // Type tests (*.test-d.ts) are checked by tsc (tsconfig.typetests.json) as the second half of `npm test`.
    testTimeout: 60_000,
    pool: "forks",
  },
});
