import type { Zone } from "luxon";
import type { Config } from "../config/config.js";
import { cachedZone } from "../report/cached-offset-zone.js";

/** ISO weekday numbers, Monday = 1 … Sunday = 7, as luxon numbers them. */
export const WEEKDAY_NAMES = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/**
 * The team's working time: which weekdays, which hours (local `HH:MM`, end exclusive) in which
 * zone, and the dates that are holidays. Built from the config's `calendar` and `timeZone`.
 */
export interface WorkCalendar {
  timeZone: string;
  /**
   * The zone of `timeZone` with its offsets remembered (`cachedZone`): counting working days
   * moves a time from day to day, and luxon asks `Intl` for the offset at each step otherwise.
   */
  zone: Zone;
  /** ISO weekday numbers (1 = Monday). */
  workingDays: ReadonlySet<number>;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** `YYYY-MM-DD` dates that are not working days whatever their weekday. */
  holidays: ReadonlySet<string>;
}

/** The calendar the config describes (README "Configuration", `calendar`). */
export function workCalendar(config: Pick<Config, "timeZone" | "calendar">): WorkCalendar {
  const { calendar } = config;
  return {
    timeZone: config.timeZone,
    zone: cachedZone(config.timeZone),
    workingDays: new Set(calendar.workingDays.map((name) => WEEKDAY_NAMES.indexOf(name) + 1)),
    startMinute: minutesOf(calendar.workingHours.start),
    endMinute: minutesOf(calendar.workingHours.end),
    holidays: new Set(calendar.holidays),
  };
}

/** `"09:30"` → 570. */
function minutesOf(clock: string): number {
  const [hours = "0", minutes = "0"] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}
