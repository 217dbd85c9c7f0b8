import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { planIntake } from "../../src/intake/plan-intake.js";

const form =
  "### Affected services\n\napi\n\n### Severity\n\nSEV9\n\n### Started at\n\n2026-11-20 14:05";

describe("a plan on a body already read", () => {
  it.each([
    ["a new form body", { mode: "fill" as const, body: form, previousBody: null }],
    ["an edit", { mode: "edit" as const, body: form, previousBody: `${form}\n\nmore` }],
  ])("is the plan of reading it again: %s", (_name, event) => {
    const input = { ...event, labels: ["disruption"], config: DEFAULT_CONFIG };
    const first = planIntake(input);
    expect(first.body).toContain("| Severity | SEV9 |");
    expect(planIntake({ ...input, read: first.read })).toEqual(first);
  });
});
