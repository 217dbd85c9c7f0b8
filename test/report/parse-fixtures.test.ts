import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOutput } from "../../src/cli/parse-output.js";
import { configSchema } from "../../src/config/config.js";
import { fillReport } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";

/**
 * Golden folders: `test/fixtures/bodies/<case>/issue.md` is a body as GitHub stores it,
 * `expected.json` the parts of `disruptions parse` output that case is about (matched as a subset:
 * every key written must match, arrays must match in length and order), an optional
 * `config.json` the repository config (e.g. `{ "timeZone": "Europe/Berlin" }`), and an optional
 * `filled.md` the body `fill` writes for it, exactly. The values are what GitHub's renderer shows
 * for the body (`github-renderer.test.ts` checks them against cmark-gfm).
 */
const root = join(import.meta.dirname, "../fixtures/bodies");
const cases = readdirSync(root).sort();

describe.each(cases)("body %s", (name) => {
  const body = readFileSync(join(root, name, "issue.md"), "utf8");
  const expected = JSON.parse(readFileSync(join(root, name, "expected.json"), "utf8"));
  const configFile = join(root, name, "config.json");
  const config = configSchema.parse(
    readdirSync(join(root, name)).includes("config.json")
      ? JSON.parse(readFileSync(configFile, "utf8"))
      : {},
  );

  it("parses as expected", () => {
    expect(parseOutput(body, config)).toMatchObject(expected);
  });

  it("fills into a body that reads back as the same report", () => {
    const options = { timeZone: config.timeZone, types: config.types };
    const filled = fillReport(body, options);
    expect(parseReport(filled, options).report).toEqual(parseReport(body, options).report);
    expect(fillReport(filled, options)).toEqual(filled);
  });

  it.runIf(existsSync(join(root, name, "filled.md")))("fills into filled.md exactly", () => {
    const options = { timeZone: config.timeZone, types: config.types };
    expect(fillReport(body, options)).toBe(readFileSync(join(root, name, "filled.md"), "utf8"));
  });
});

describe("the golden case form-complete", () => {
  // A copy rather than a link, so that a checkout without symbolic links reads it too.
  it("is the README's example body, byte for byte", () => {
    expect(readFileSync(join(root, "form-complete", "issue.md"), "utf8")).toBe(
      readFileSync(join(import.meta.dirname, "../../examples/form-report.md"), "utf8"),
    );
  });
});
