import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/report/cached-offset-zone.js";

const HOUR = 3_600_000;
/** Zones with changes on the hour, at odd times, by half an hour, and a day skipped. */
const ZONES = [
  "Europe/Berlin",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Asia/Tehran",
];

describe("cachedZone", () => {
  it.each(ZONES)("answers luxon's offset at every hour's edges and middle in %s", (name) => {
    const cached = cachedZone(name);
    const plain = IANAZone.create(name);
    const mismatches: string[] = [];
    // 2011 has Apia's skipped day; the hours are walked in order and back, as reports are read.
    for (const year of [2011, 2026]) {
      const start = Date.UTC(year, 0, 1) / HOUR;
      const hours = Array.from({ length: 366 * 24 }, (_, index) => start + index);
      for (const hour of [...hours, ...hours.reverse()]) {
        for (const ts of [hour * HOUR - 1, hour * HOUR, hour * HOUR + HOUR / 2, hour * HOUR + 1]) {
          if (cached.offset(ts) !== plain.offset(ts)) mismatches.push(new Date(ts).toISOString());
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
