import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  readCustomerImpact,
  readList,
  readSeverity,
  stripInlineMarkup,
} from "../../src/report/read-values.js";

describe("readList", () => {
  it("splits on commas, semicolons and lines, but not inside brackets, and drops repeats", () => {
    expect(readList("checkout (eu-west-1, eu-central-1), payments; API\n- api\n* search")).toEqual([
      "checkout (eu-west-1, eu-central-1)",
      "payments",
      "API",
      "search",
    ]);
  });
});

describe("readSeverity and readCustomerImpact", () => {
  it.each([
    ["SEV2 — major functionality broken", "SEV2"],
    ["sev-1", "SEV1"],
    ["Sev 3", "SEV3"],
    ["**SEV4**", "SEV4"],
    ["SEV12", null],
    ["P1", null],
  ])("reads %s as %s", (text, severity) => {
    expect(readSeverity(text)).toBe(severity);
  });

  it("reads Yes, No and Unknown in any case", () => {
    expect(["Yes", "no", "UNKNOWN — still checking", "maybe"].map(readCustomerImpact)).toEqual([
      "yes",
      "no",
      "unknown",
      null,
    ]);
  });
});

describe("stripInlineMarkup", () => {
  it("removes what the backtracking expression it replaces removed, on short values", () => {
    const old = (text: string): string =>
      text
        .trim()
        .replace(/^([*_`~]+)(.*?)\1$/s, "$2")
        .trim();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."*_`~ aS1"), maxLength: 24 }), (text) => {
        expect(stripInlineMarkup(text)).toBe(old(text));
      }),
      { numRuns: 2_000 },
    );
  });
});
