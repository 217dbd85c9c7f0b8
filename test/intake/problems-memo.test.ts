import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { planIntake } from "../../src/intake/plan-intake.js";
import { ProblemsMemo } from "../../src/intake/problems-memo.js";

const body = "## Overview\n\n| Field | Value |\n| --- | --- |\n| Started | yesterday |\n";

describe("the problems memo", () => {
  it("gives back a body's problems only for the same labels and the very config object", () => {
    const memo = new ProblemsMemo();
    const { problems } = planIntake({
      mode: "edit",
      body,
      previousBody: null,
      labels: ["disruption"],
      config: DEFAULT_CONFIG,
    });
    expect(problems.length).toBeGreaterThan(0);
    const planned = { labels: ["disruption"], config: DEFAULT_CONFIG };
    memo.set(body, planned, problems);
    expect(memo.get(body, planned)?.problems).toBe(problems);
    expect(memo.get(`${body} `, planned)).toBeUndefined();
    expect(
      memo.get(body, { ...planned, labels: ["disruption", "severity: sev1"] }),
    ).toBeUndefined();
    expect(memo.get(body, { ...planned, config: { ...DEFAULT_CONFIG } })).toBeUndefined();
    const issue = { title: "Checkout down", createdAt: null, closedAt: null };
    expect(memo.get(body, { ...planned, issue })).toBeUndefined();
    expect(memo.get(null, planned)).toBeUndefined();
  });

  it("keeps the last bodies it was given, up to its capacity", () => {
    const memo = new ProblemsMemo(2);
    const planned = { labels: [], config: DEFAULT_CONFIG };
    for (const text of ["a", "b", "c"]) memo.set(text, planned, []);
    expect(memo.get("a", planned)).toBeUndefined();
    expect(memo.get("b", planned)).toEqual({ problems: [], reading: null });
    expect(memo.get("c", planned)).toEqual({ problems: [], reading: null });
  });

  it("keeps the readings of the last bodies it was given one, and gives one back only for its very text", () => {
    const memo = new ProblemsMemo(10, 1);
    const planned = { labels: [], config: DEFAULT_CONFIG };
    const reading = (text: string) => ({
      body: text,
      blocks: [],
      items: { progress: "none yet", problems: "[]" },
    });
    memo.set("a", planned, [], reading("a"));
    expect(memo.get("a", planned)?.reading).toEqual(reading("a"));
    memo.set("b", planned, [], reading("b"));
    expect(memo.get("a", planned)).toEqual({ problems: [], reading: null });
    expect(memo.get("b", planned)?.reading).toEqual(reading("b"));
    // A reading is handed out with its own body only.
    memo.set("c", planned, [], reading("not c"));
    expect(memo.get("c", planned)?.reading).toBeNull();
  });

  it("planning an edit with the remembered problems decides as planning them again does", () => {
    const previous = body.replace("yesterday", "2026-11-20 14:05");
    const input = {
      mode: "edit" as const,
      body,
      previousBody: previous,
      labels: ["disruption"],
      config: DEFAULT_CONFIG,
    };
    const before = planIntake({ ...input, body: previous, previousBody: null }).problems;
    expect(planIntake({ ...input, previousProblems: before })).toEqual(planIntake(input));
    expect(planIntake(input).syncProblems).toBe(true);
    // Wrongly remembered problems would change the decision: the memo is what decides.
    expect(
      planIntake({ ...input, previousProblems: planIntake(input).problems }).syncProblems,
    ).toBe(false);
  });
});
