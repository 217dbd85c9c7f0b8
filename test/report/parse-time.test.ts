import { describe, expect, it } from "vitest";
import { formatTime, isoTime, parseTime } from "../../src/report/parse-time.js";

function read(text: string, zone = "UTC"): string {
  const result = parseTime(text, zone);
  return result.ok ? isoTime(result.time) : result.message;
}

describe("parseTime", () => {
  it.each([
    [
      "2026-11-01 01:30",
      "America/Los_Angeles",
      "`-07:00` for the first time, `-08:00` for the second",
    ],
    [
      "2026-11-01 01:30",
      "America/Anchorage",
      "`-08:00` for the first time, `-09:00` for the second",
    ],
    [
      "2026-04-05 02:30",
      "Australia/Sydney",
      "`+11:00` for the first time, `+10:00` for the second",
    ],
    [
      "2026-04-05 02:30",
      "Pacific/Auckland",
      "`+13:00` for the first time, `+12:00` for the second",
    ],
    ["2026-10-25 02:30", "Europe/Berlin", "`+02:00` for the first time, `+01:00` for the second"],
  ])("refuses %s in %s, which happens twice, and names both offsets", (text, zone, offsets) => {
    expect(read(text, zone)).toBe(
      `\`${text}\` happens twice in ${zone} (the clocks moved back); write it with its offset: ${offsets}`,
    );
  });

  it("reads the same times once their offset is written", () => {
    expect(read("2026-11-01 01:30 -08:00", "America/Los_Angeles")).toBe(
      "2026-11-01T01:30:00-08:00",
    );
  });

  it.each([
    ["2026-03-08 02:30", "America/Los_Angeles"],
    ["2026-10-04 02:30", "Australia/Sydney"],
  ])("refuses %s in %s, which the clocks skipped", (text, zone) => {
    expect(read(text, zone)).toBe(
      `\`${text}\` does not exist in ${zone} (the clocks moved forward); write it with an offset`,
    );
  });

  it("reads IANA names without a slash, and writes them back readably", () => {
    const result = parseTime("2026-11-20 14:05", "Japan");
    expect(result.ok && formatTime(result.time)).toBe("2026-11-20 14:05 Japan");
    expect(read("2026-11-20 14:05 Japan")).toBe("2026-11-20T14:05:00+09:00");
  });

  it.each(["2026-11-20 24:00", "2026-11-20 14:60", "2026-02-30 10:00"])(
    "calls %s not a valid date and time",
    (text) => {
      expect(read(text)).toBe(`\`${text}\` is not a valid date and time`);
    },
  );

  it("does not take a word after the time for a zone", () => {
    expect(read("2026-11-20 14:05 approx")).toBe("the zone `approx` is not one this app reads");
  });
});
