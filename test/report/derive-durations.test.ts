import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/report/cached-offset-zone.js";
import { deriveDurations } from "../../src/report/derive-durations.js";

/** Instants from 2000 to 2040 to the millisecond, in zones with and without daylight saving. */
const time = fc
  .tuple(
    fc.integer({ min: 946_684_800_000, max: 2_208_988_800_000 }),
    fc.constantFrom(
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
    ),
  )
  .map(([millis, zone]) => DateTime.fromMillis(millis, { zone: cachedZone(zone) }));

/** Luxon's minutes between two times, rounded as docs/definitions.md keeps them. */
function luxonMinutes(from: DateTime, to: DateTime): number | null {
  const minutes = to.diff(from, "minutes").minutes;
  return minutes < 0 ? null : Math.round(minutes * 1000) / 1000;
}

describe("deriveDurations", () => {
  it("gives luxon's minutes, to the thousandth, for any two times", () => {
    fc.assert(
      fc.property(time, time, fc.integer({ min: 0, max: 5_000_000 }), (started, other, gap) => {
        // Half the pairs a realistic distance apart, the other half anywhere (often out of order).
        const detected = gap % 2 === 0 ? started.plus(gap) : other;
        const { durations } = deriveDurations({
          started,
          detected,
          acknowledged: null,
          mitigated: null,
          resolved: null,
        });
        expect(durations.ttdMinutes).toBe(luxonMinutes(started, detected));
      }),
      { numRuns: 5_000 },
    );
  });
});
