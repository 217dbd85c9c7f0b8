import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isReportDue, previousMonth } from "../../src/analytics/schedule.js";
import { configSchema } from "../../src/config/config.js";

const at = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" });
const berlin = configSchema.parse({ timeZone: "Europe/Berlin", report: { enabled: true } });

describe("previousMonth", () => {
  it("is the month before the local month of now", () => {
    expect(previousMonth(at("2026-10-31T23:30:00Z"), "Europe/Berlin")).toBe("2026-10");
    expect(previousMonth(at("2026-10-31T23:30:00Z"), "UTC")).toBe("2026-09");
    expect(previousMonth(at("2026-01-15T12:00:00Z"), "UTC")).toBe("2025-12");
    expect(previousMonth(at("2026-03-31T12:00:00Z"), "UTC")).toBe("2026-02");
  });
});

const off = configSchema.parse({ timeZone: "Europe/Berlin" });
const third = configSchema.parse({
  timeZone: "Europe/Berlin",
  report: { enabled: true, day: 3, hour: 0 },
});
const pacific = configSchema.parse({ timeZone: "America/Los_Angeles", report: { enabled: true } });

describe("isReportDue", () => {
  // Whether the report exists already is asked of GitHub (test/github/run-monthly-schedule.test.ts).
  it.each([
    // 1 November 2026 is CET (UTC+1): due from day 1 at 09:00 local time (the defaults).
    ["Berlin winter, a second before 09:00", "2026-11-01T07:59:59Z", berlin, false],
    ["Berlin winter, 09:00", "2026-11-01T08:00:00Z", berlin, true],
    // 1 October 2026 is CEST (UTC+2): an hour earlier in UTC.
    ["Berlin summer, 08:59", "2026-10-01T06:59:00Z", berlin, false],
    ["Berlin summer, 09:00", "2026-10-01T07:00:00Z", berlin, true],
    ["later in the month (catching up)", "2026-11-20T03:00:00Z", berlin, true],
    ["reports not enabled", "2026-11-20T03:00:00Z", off, false],
    // 22:59 UTC on 2 November is 23:59 on the 2nd in Berlin; 23:00 UTC is midnight on the 3rd.
    ["day 3 hour 0, a minute before", "2026-11-02T22:59:00Z", third, false],
    ["day 3 hour 0, midnight", "2026-11-02T23:00:00Z", third, true],
    // 1 November 2026, after 02:00 PDT the clocks read PST (UTC−8): 16:00 UTC is 08:00.
    ["the day US clocks go back, 08:59 PST", "2026-11-01T16:59:00Z", pacific, false],
    ["the day US clocks go back, 09:00 PST", "2026-11-01T17:00:00Z", pacific, true],
    ["the same instant read in UTC", "2026-11-01T16:59:00Z", { ...pacific, timeZone: "UTC" }, true],
  ] as const)("%s (%s): %s", (_case, now, config, due) => {
    expect(isReportDue(at(now), config)).toBe(due);
  });
});
