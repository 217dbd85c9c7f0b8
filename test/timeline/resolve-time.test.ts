import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatTime } from "../../src/report/parse-time.js";
import { resolveTime } from "../../src/timeline/resolve-time.js";

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const read = (text: string | null, now: string, zone = "UTC", kind: "clock" | "full" = "clock") => {
  const result = resolveTime(text === null ? null : { kind, text }, at(now), zone);
  return result.ok ? formatTime(result.time) : `error: ${result.message}`;
};

describe("resolveTime", () => {
  it("reads no time as now, to the minute, in the report's zone", () => {
    expect(read(null, "2026-11-20T15:45:30Z", "Europe/Berlin")).toBe(
      "2026-11-20 16:45 Europe/Berlin",
    );
  });
  it("reads a clock time as today, or yesterday when today's is later than the comment", () => {
    expect(read("14:05", "2026-11-20T15:45:00Z")).toBe("2026-11-20 14:05 UTC");
    expect(read("23:50", "2026-11-21T00:10:00Z")).toBe("2026-11-20 23:50 UTC");
    // 00:30 in Berlin on the 21st is 23:30 UTC on the 20th: "today" is the report zone's day.
    expect(read("00:20", "2026-11-20T23:30:00Z", "Europe/Berlin")).toBe(
      "2026-11-21 00:20 Europe/Berlin",
    );
  });
  it("reads a clock time with its own zone as today there", () => {
    expect(read("14:05 America/Los_Angeles", "2026-11-21T01:00:00Z")).toBe(
      "2026-11-20 14:05 America/Los_Angeles",
    );
  });
  it("gives the parser's message for a time the clocks skipped or an ambiguous zone", () => {
    expect(read("02:30", "2026-03-29T12:00:00Z", "Europe/Berlin")).toContain(
      "does not exist in Europe/Berlin (the clocks moved forward)",
    );
    expect(read("14:05 IST", "2026-11-20T20:00:00Z")).toContain("names more than one time zone");
  });
  it("refuses a full time later than the comment", () => {
    expect(read("2026-11-21 10:00", "2026-11-20T20:00:00Z", "UTC", "full")).toContain(
      "is later than the comment",
    );
  });
});
