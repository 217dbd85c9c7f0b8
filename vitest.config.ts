import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["./test/setup/node20.ts", "./test/setup/fast-check.ts"],
    testTimeout: 20_000,
  },
});
