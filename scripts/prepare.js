// npm runs `prepare` after `npm ci`. In a checkout with the development packages it builds `dist/`
// with TypeScript (`npm run build`). In a production install (`npm ci --omit=dev`: no TypeScript)
// there is nothing to build: `dist/` comes built, and `npm start` runs it.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  if (!existsSync("dist/server/main.js")) {
    console.error(
      "prepare: dist/ is not built and TypeScript is not installed: run `npm ci` without --omit=dev (it builds dist/), or build elsewhere and copy dist/ here",
    );
    process.exit(1);
  }
  console.log("prepare: a production install; dist/ is already built");
  process.exit(0);
}
// As `npm run build`: a fresh dist/, so no file of a deleted source is left in it.
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
