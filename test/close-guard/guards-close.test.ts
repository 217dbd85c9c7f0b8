import { describe, expect, it } from "vitest";
import { guardsClose, referencedIssues } from "../../src/close-guard/decide-close.js";
import { configSchema, DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseReport } from "../../src/report/parse-report.js";

describe("guardsClose: which closes the guard judges", () => {
  const off = configSchema.parse({ closeGuard: { enabled: false } });
  it.each([
    [DEFAULT_CONFIG, "completed", true],
    [DEFAULT_CONFIG, null, true],
    [DEFAULT_CONFIG, "not_planned", false],
    [DEFAULT_CONFIG, "duplicate", false],
    [off, "completed", false],
  ] as const)("enabled %#, state_reason %s: %s", (config, reason, expected) => {
    expect(guardsClose(config, reason)).toBe(expected);
  });
});

describe("referencedIssues", () => {
  it("qualifies #N with the repository and skips struck-through items", () => {
    const body = [
      "### Action items",
      "",
      "- [ ] Fix the pool #12",
      "- [x] Alert on it acme/infra#3",
      "- [ ] ~~Rewrite it #99~~",
    ].join("\n");
    const parsed = parseReport(body, { timeZone: "UTC" });
    expect(referencedIssues(parsed, { owner: "acme", name: "ops" })).toEqual([
      "acme/ops#12",
      "acme/infra#3",
    ]);
  });
});
