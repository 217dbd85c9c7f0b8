import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { readReportWithConfig } from "../../src/templates/read-report-with-config.js";
import { templateCases } from "./fixtures.js";

const instant = (iso: string | null) => (iso ? DateTime.fromISO(iso).toMillis() : null);

describe.each(templateCases())("preset fixture $name", ({ body, issue, config, expected }) => {
  const { report } = readReportWithConfig(body, config, issue).parsed;

  it("finds the services a reader finds", () => {
    expect(report.services).toEqual(expected.services);
  });
  it("finds the severity and type", () => {
    expect(report.severity).toBe(expected.severity);
    expect(report.type).toBe(expected.type);
  });
  it("finds started, detected and resolved as instants", () => {
    expect(instant(report.started)).toBe(instant(expected.started));
    expect(instant(report.detected)).toBe(instant(expected.detected));
    expect(instant(report.resolved)).toBe(instant(expected.resolved));
  });
});
