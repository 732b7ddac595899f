import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^clientele\/(.+)$/, replacement: source("./src/$1/index.ts") },
      { find: /^clientele$/, replacement: source("./src/index.ts") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Type tests (*.test-d.ts) are checked by tsc (tsconfig.typetests.json) as the second half of `npm test`.
    testTimeout: 60_000,
    pool: "forks",
  },
});
