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

describe("isReportDue", () => {
  it("is due from day 1 at 09:00 local time (the defaults), in Berlin's winter time", () => {
    // 1 November 2026 is CET (UTC+1).
    expect(isReportDue({ now: at("2026-11-01T07:59:59Z"), config: berlin, published: false })).toBe(
      false,
    );
    expect(isReportDue({ now: at("2026-11-01T08:00:00Z"), config: berlin, published: false })).toBe(
      true,
    );
  });

  it("is due in Berlin's summer time an hour earlier in UTC", () => {
    // 1 October 2026 is CEST (UTC+2).
    expect(isReportDue({ now: at("2026-10-01T06:59:00Z"), config: berlin, published: false })).toBe(
      false,
    );
    expect(isReportDue({ now: at("2026-10-01T07:00:00Z"), config: berlin, published: false })).toBe(
      true,
    );
  });

  it("catches up later in the month, and is never due once published", () => {
    expect(isReportDue({ now: at("2026-11-20T03:00:00Z"), config: berlin, published: false })).toBe(
      true,
    );
    expect(isReportDue({ now: at("2026-11-20T03:00:00Z"), config: berlin, published: true })).toBe(
      false,
    );
  });

  it("is never due when reports are not enabled", () => {
    const off = configSchema.parse({ timeZone: "Europe/Berlin" });
    expect(isReportDue({ now: at("2026-11-20T03:00:00Z"), config: off, published: false })).toBe(
      false,
    );
  });

  it("waits for the configured day and hour across a day border", () => {
    const third = configSchema.parse({
      timeZone: "Europe/Berlin",
      report: { enabled: true, day: 3, hour: 0 },
    });
    // 22:59 UTC on 2 November is 23:59 on the 2nd in Berlin; 23:00 UTC is midnight on the 3rd.
    expect(isReportDue({ now: at("2026-11-02T22:59:00Z"), config: third, published: false })).toBe(
      false,
    );
    expect(isReportDue({ now: at("2026-11-02T23:00:00Z"), config: third, published: false })).toBe(
      true,
    );
  });

  it("reads the hour in the configured zone, on the day the US clocks go back", () => {
    const pacific = configSchema.parse({
      timeZone: "America/Los_Angeles",
      report: { enabled: true },
    });
    // 1 November 2026, after 02:00 PDT the clocks read PST (UTC−8): 16:00 UTC is 08:00.
    expect(
      isReportDue({ now: at("2026-11-01T16:59:00Z"), config: pacific, published: false }),
    ).toBe(false);
    expect(
      isReportDue({ now: at("2026-11-01T17:00:00Z"), config: pacific, published: false }),
    ).toBe(true);
    // The same instant in UTC config terms is long past 09:00.
    expect(
      isReportDue({
        now: at("2026-11-01T16:59:00Z"),
        config: { ...pacific, timeZone: "UTC" },
        published: false,
      }),
    ).toBe(true);
  });
});
