import { describe, expect, it } from "vitest";
import { scheduleCandidate } from "../../src/analytics/schedule-candidate.js";
import { type Config, configSchema, DEFAULT_CONFIG } from "../../src/config/config.js";

const SOURCE = "acme/ops:.github/disruption-reports.yml";

function candidate(configText: string | null, options: { due?: boolean; reports?: number } = {}) {
  const asked: Config[] = [];
  const verdict = scheduleCandidate({
    source: SOURCE,
    configText,
    reports: options.reports ?? 3,
    probedLabel: "disruption",
    owner: { ok: true, config: DEFAULT_CONFIG },
    isDue: (config) => {
      asked.push(config);
      return options.due ?? true;
    },
  });
  return { verdict, asked: asked.length };
}

describe("scheduleCandidate", () => {
  it("skips a repository with neither the monthly report nor the reminder as disabled, without asking whether it is due", () => {
    expect(candidate("report:\n  enabled: false\n")).toEqual({
      verdict: { kind: "skip", reason: "disabled" },
      asked: 0,
    });
    // The owner's defaults too: both off.
    expect(candidate(null).verdict).toEqual({ kind: "skip", reason: "disabled" });
  });

  it("checks a repository with only the weekly reminder on, in its hour, and calls it not due otherwise", () => {
    const remind = "actionItems:\n  remind: true\n";
    expect(candidate(remind).verdict).toEqual({
      kind: "check",
      config: configSchema.parse({ actionItems: { remind: true } }),
    });
    expect(candidate(remind, { due: false }).verdict).toEqual({ kind: "skip", reason: "not due" });
  });

  it("checks a repository with the monthly report on when due; none without reports", () => {
    const report = "report:\n  enabled: true\n";
    expect(candidate(report).verdict.kind).toBe("check");
    expect(candidate(report, { due: false }).verdict).toEqual({ kind: "skip", reason: "not due" });
    expect(candidate(report, { reports: 0 }).verdict).toEqual({
      kind: "skip",
      reason: "no reports",
    });
  });

  it("looks again with another report label, and reports a broken config", () => {
    expect(candidate("report:\n  enabled: true\nlabels:\n  report: incident\n").verdict).toEqual({
      kind: "look again",
      label: "incident",
    });
    expect(candidate("report: [").verdict.kind).toBe("broken");
  });
});
