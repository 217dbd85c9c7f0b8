import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/report/cached-offset-zone.js";
import { parseTime } from "../../src/report/parse-time.js";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Asia/Kolkata",
  "Africa/Casablanca",
];

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** Wall times from 1900 to 2040, often near the days clocks move, with invalid days mixed in. */
const wall = fc.record({
  year: fc.oneof(fc.integer({ min: 1900, max: 2040 }), fc.constantFrom(2011, 2024, 2026)),
  month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(3, 4, 9, 10, 11, 12)),
  day: fc.integer({ min: 1, max: 31 }),
  hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 2, 3, 23)),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  millisecond: fc.integer({ min: 0, max: 999 }),
});

describe("parseTime and luxon", () => {
  it("reads every wall time as DateTime.fromObject does, or says why not", () => {
    fc.assert(
      fc.property(wall, fc.constantFrom(...ZONES), (parts, zone) => {
        const text = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}.${pad(parts.millisecond, 3)}`;
        const expected = DateTime.fromObject(parts, { zone: cachedZone(zone) });
        const real =
          expected.isValid &&
          expected.hour === parts.hour &&
          expected.minute === parts.minute &&
          expected.day === parts.day;
        const result = parseTime(text, zone);
        if (!result.ok) {
          // Not a time, a time the clocks skipped, or one they passed twice (which luxon reads one way).
          expect(real ? result.message : "not real").toMatch(/not real|happens twice/);
          return;
        }
        expect(real).toBe(true);
        expect(result.time.toMillis()).toBe(expected.toMillis());
        expect(result.time.offset).toBe(expected.offset);
        expect(result.time.zoneName).toBe(expected.zoneName);
        expect(result.time.toISO()).toBe(expected.toISO());
      }),
      { numRuns: 20_000 },
    );
  });
});
