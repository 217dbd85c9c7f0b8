import { DateTime, FixedOffsetZone, IANAZone, type Zone } from "luxon";
import { codeSpan } from "../markdown/neutralise.js";
import { cachedZone } from "./cached-offset-zone.js";

/** What the time fields accept, for messages and the form's descriptions. */
export const ACCEPTED_TIME_FORMATS =
  "`2026-11-20 14:05`, `2026-11-20T14:05:30Z`, `2026-11-20 14:05 +01:00`, " +
  "`2026-11-20 14:05 Europe/Berlin` or `2026-11-20 14:05 PST` (without a zone, the repository's time zone is used)";

/**
 * Zone abbreviations read without guessing. Generic ones (ET, PT, …) follow daylight saving time;
 * specific ones (EST, PDT, …) are fixed offsets.
 */
const ABBREVIATIONS: Record<string, Zone> = {
  UTC: FixedOffsetZone.utcInstance,
  GMT: FixedOffsetZone.utcInstance,
  Z: FixedOffsetZone.utcInstance,
  ET: IANAZone.create("America/New_York"),
  EST: FixedOffsetZone.instance(-5 * 60),
  EDT: FixedOffsetZone.instance(-4 * 60),
  CT: IANAZone.create("America/Chicago"),
  CST: FixedOffsetZone.instance(-6 * 60),
  CDT: FixedOffsetZone.instance(-5 * 60),
  MT: IANAZone.create("America/Denver"),
  MST: FixedOffsetZone.instance(-7 * 60),
  MDT: FixedOffsetZone.instance(-6 * 60),
  PT: IANAZone.create("America/Los_Angeles"),
  PST: FixedOffsetZone.instance(-8 * 60),
  PDT: FixedOffsetZone.instance(-7 * 60),
  CET: FixedOffsetZone.instance(60),
  CEST: FixedOffsetZone.instance(120),
  BST: FixedOffsetZone.instance(60),
};

/** Abbreviations that name more than one zone (IST: India, Ireland, Israel). */
const AMBIGUOUS = new Set([
  "IST",
  "AST",
  "ADT",
  "SST",
  "ECT",
  "CDT/CST",
  "AMT",
  "BT",
  "GST",
  "MSD",
]);

export type TimeResult = { ok: true; time: DateTime } | { ok: false; message: string };

const PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(.*)$/i;

/**
 * Reads one typed time. Without a zone, `defaultZone` (an IANA name) applies. Ambiguous
 * abbreviations, local times that do not exist or occur twice around a daylight-saving change,
 * and unreadable text are errors with a message for the author, never a guess.
 *
 * @example parseTime("2026-11-20 14:05 Europe/Berlin", "UTC") // ok, 13:05Z
 */
export function parseTime(input: string, defaultZone: string): TimeResult {
  const text = input.trim().replace(/\s+/g, " ");
  const match = PATTERN.exec(text);
  if (!match) {
    return { ok: false, message: `could not read ${codeSpan(clip(text))} as a date and time` };
  }
  const [, year, month, day, hour, minute, second, fraction, zoneText = ""] = match;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: second ? Number(second) : 0,
    millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
  };
  const zone = readZone(zoneText.trim(), defaultZone);
  if (!zone.ok) return zone;
  const time = wallTime(parts, zone.zone);
  // luxon would roll 24:00 or 14:60 over into the next hour or day; a person meant something else.
  if (!time.isValid || parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    return { ok: false, message: `${codeSpan(clip(text))} is not a valid date and time` };
  }
  if (time.hour !== parts.hour || time.minute !== parts.minute || time.day !== parts.day) {
    return {
      ok: false,
      message: `${codeSpan(clip(text))} does not exist in ${zone.zone.name} (the clocks moved forward); write it with an offset`,
    };
  }
  const twice = zone.zone.isUniversal ? null : twoOffsets(parts, zone.zone);
  if (twice) {
    const [first, second] = twice.map((offset) =>
      FixedOffsetZone.instance(offset).formatOffset(0, "short"),
    );
    return {
      ok: false,
      message: `${codeSpan(clip(text))} happens twice in ${zone.zone.name} (the clocks moved back); write it with its offset: \`${first}\` for the first time, \`${second}\` for the second`,
    };
  }
  return { ok: true, time };
}

type Parts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

/**
 * `DateTime.fromObject(parts, { zone })`, the same value. A valid time whose zone keeps one offset
 * for 30 hours either side (no zone changes its offset twice within them) is the wall time less
 * that offset, built from its milliseconds: luxon's `fromObject` normalises and guesses its way to
 * the same instant and offset at several times the cost (1.2 s of 100,000 reports).
 */
function wallTime(parts: Parts, zone: Zone): DateTime {
  if (!zone.isValid || !plainParts(parts)) return DateTime.fromObject(parts, { zone });
  const { year, month, day, hour, minute, second, millisecond } = parts;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const offset = zone.offset(wall);
  const steady =
    zone.isUniversal ||
    (zone.offset(wall - 30 * 3_600_000) === offset &&
      zone.offset(wall + 30 * 3_600_000) === offset);
  return steady
    ? DateTime.fromMillis(wall - offset * 60_000, { zone })
    : DateTime.fromObject(parts, { zone });
}

/** Parts that name one real wall time in a year from 100 on (`Date.UTC` reads 0–99 as 1900s). */
function plainParts({ year, month, day, hour, minute, second, millisecond }: Parts): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return hour <= 23 && minute <= 59 && second <= 59 && millisecond <= 999;
}

type ZoneResult = { ok: true; zone: Zone } | { ok: false; message: string };

function readZone(text: string, defaultZone: string): ZoneResult {
  const cleaned = text.replace(/^\((.*)\)$/, "$1").trim();
  if (cleaned === "") return { ok: true, zone: cachedZone(defaultZone) };
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(cleaned);
  if (offset) {
    const [, sign, hours, minutes] = offset;
    const total = (Number(hours) * 60 + Number(minutes ?? 0)) * (sign === "-" ? -1 : 1);
    if (Math.abs(total) > 14 * 60) {
      return { ok: false, message: `the offset ${codeSpan(cleaned)} is out of range` };
    }
    return { ok: true, zone: FixedOffsetZone.instance(total) };
  }
  const upper = cleaned.toUpperCase();
  const known = ABBREVIATIONS[upper];
  if (known) return { ok: true, zone: known };
  if (AMBIGUOUS.has(upper)) {
    return {
      ok: false,
      message: `the zone ${codeSpan(cleaned)} names more than one time zone; write an IANA name (e.g. Asia/Kolkata) or an offset (e.g. +05:30)`,
    };
  }
  // Any IANA name: `Europe/Berlin`, and the ones without a slash (`Japan`, `EST5EDT`), which the
  // config accepts and the filled report writes back.
  if (isValidZone(cleaned)) {
    return { ok: true, zone: cachedZone(cleaned) };
  }
  return { ok: false, message: `the zone ${codeSpan(clip(cleaned))} is not one this app reads` };
}

/**
 * Whether the runtime knows an IANA zone name. Luxon asks `Intl` each time, which costs more than
 * the rest of reading a time; a report set names a handful of zones, so the answers are kept.
 */
const zoneValidity = new Map<string, boolean>();
function isValidZone(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    zoneValidity.set(name, valid);
  }
  return valid;
}

/** The two offsets a local time can have when the clocks moved back over it, earlier first; else null. */
function twoOffsets(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  zone: Zone,
): [number, number] | null {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  // The instant lies within 14 hours of the wall time read as UTC (no zone is further from UTC),
  // and no zone changes its offset twice within a day and a half: the offsets 30 hours either
  // side are the two the wall time could have.
  const before = zone.offset(wall - 30 * 3_600_000);
  const after = zone.offset(wall + 30 * 3_600_000);
  // One offset around the time: it cannot be read two ways (each offset costs an `Intl` call).
  if (before === after) return null;
  const valid = [before, after].every((offset) => zone.offset(wall - offset * 60_000) === offset);
  return valid ? [Math.max(before, after), Math.min(before, after)] : null;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Renders a time so that `parseTime` reads back the same instant in the same zone:
 * `2026-11-20 14:05 UTC`, `2026-11-20 14:05 Europe/Berlin`, `2026-11-20 14:05 +02:00`.
 */
export function formatTime(time: DateTime): string {
  const pattern =
    time.millisecond !== 0
      ? "yyyy-MM-dd HH:mm:ss.SSS"
      : time.second !== 0
        ? "yyyy-MM-dd HH:mm:ss"
        : "yyyy-MM-dd HH:mm";
  const clock = time.toFormat(pattern);
  const zone = time.zone;
  if (zone.isUniversal) {
    return time.offset === 0 ? `${clock} UTC` : `${clock} ${time.toFormat("ZZ")}`;
  }
  return `${clock} ${zone.name}`;
}

/** The ISO 8601 form with offset that the JSON output uses. */
export function isoTime(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true }) ?? "";
}
