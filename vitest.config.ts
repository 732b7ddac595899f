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
    // Type tests (*.test-d.ts) run with the normal test command; source type errors are `npm run typecheck`'s job.
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      ignoreSourceErrors: true,
    },
    testTimeout: 60_000,
    pool: "forks",
  },
});
