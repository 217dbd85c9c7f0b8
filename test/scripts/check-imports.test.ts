import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, "../../scripts/check-imports.ts");
const TSX = join(import.meta.dirname, "../../node_modules/.bin/tsx");

let tree: string | undefined;
afterEach(async () => {
  if (tree) await rm(tree, { recursive: true, force: true });
});

/** `scripts/check-imports.ts` over a tree of the given files: its exit code and what it printed. */
async function check(files: Record<string, string>) {
  tree = await mkdtemp(join(tmpdir(), "check-imports-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(tree, path)), { recursive: true });
    await writeFile(join(tree, path), text);
  }
  try {
    const { stdout } = await run(TSX, [SCRIPT, tree]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, output: failed.stderr };
  }
}

describe("scripts/check-imports.ts", () => {
  it("names a core file that imports the shell, a shell package, the clock or the environment", async () => {
    const result = await check({
      "src/report/read.ts": [
        'import { Probot } from "probot";',
        'import { write } from "../github/write.js";',
        "export const at = Date.now();",
        "export const zone = process.env.TZ;",
        "export const both = [Probot, write, new Date()];",
      ].join("\n"),
      "src/github/write.ts":
        "export const write = () => new Date();\nexport const env = process.env;",
    });
    expect(result.code).toBe(1);
    expect(result.output.trim().split("\n")).toEqual([
      "src/report/read.ts:3: the core reads Date.now(); take it as a parameter",
      "src/report/read.ts:4: the core reads process.env; take it as a parameter",
      "src/report/read.ts:5: the core reads new Date(); take it as a parameter",
      "src/report/read.ts:1: the core imports probot, a package of the shell",
      "src/report/read.ts:2: the core imports src/github/write.ts, a file of the shell (src/github)",
    ]);
  });

  it("names an import cycle, and not one made only of `import type`", async () => {
    const result = await check({
      "src/report/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;',
      "src/report/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;',
      "src/report/c.ts": 'import type { D } from "./d.js";\nexport type C = D;',
      "src/report/d.ts": 'import type { C } from "./c.js";\nexport type D = C | 1;',
    });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      "import cycle: src/report/a.ts → src/report/b.ts → src/report/a.ts",
    );
  });
});
