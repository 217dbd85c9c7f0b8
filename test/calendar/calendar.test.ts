import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dueDeadline, isOverdue } from "../../src/calendar/due-deadline.js";
import { isWorkingDay, isWorkingTime } from "../../src/calendar/is-working-time.js";
import { isReminderDue, reminderMoment, weekKey } from "../../src/calendar/reminder-week.js";
import { workCalendar } from "../../src/calendar/work-calendar.js";
import { workingDaysBetween } from "../../src/calendar/working-days.js";
import { configSchema } from "../../src/config/config.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";

const berlin = workCalendar(
  configSchema.parse({
    timeZone: "Europe/Berlin",
    calendar: { holidays: ["2026-12-24", "2026-12-25", "2026-12-28"] },
  }),
);
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe("working time", () => {
  it("defaults to Monday to Friday, 09:00 to 18:00 in the zone; the end minute is out", () => {
    expect(isWorkingTime(berlin, at("2026-11-20T08:00:00Z"))).toBe(true); // Fri 09:00 Berlin
    expect(isWorkingTime(berlin, at("2026-11-20T07:59:00Z"))).toBe(false);
    expect(isWorkingTime(berlin, at("2026-11-20T16:59:00Z"))).toBe(true);
    expect(isWorkingTime(berlin, at("2026-11-20T17:00:00Z"))).toBe(false); // 18:00 Berlin
    expect(isWorkingTime(berlin, at("2026-11-21T10:00:00Z"))).toBe(false); // Saturday
  });

  it("skips holidays, and follows a configured week and hours", () => {
    expect(isWorkingDay(berlin, at("2026-12-24T10:00:00+01:00"))).toBe(false);
    const shifts = workCalendar(
      configSchema.parse({
        timeZone: "Asia/Dubai",
        calendar: {
          workingDays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"],
          workingHours: { start: "08:00", end: "16:30" },
        },
      }),
    );
    expect(isWorkingTime(shifts, at("2026-11-22T08:00:00+04:00"))).toBe(true); // Sunday
    expect(isWorkingTime(shifts, at("2026-11-20T10:00:00+04:00"))).toBe(false); // Friday
    expect(isWorkingTime(shifts, at("2026-11-23T16:29:00+04:00"))).toBe(true);
    expect(isWorkingTime(shifts, at("2026-11-23T16:30:00+04:00"))).toBe(false);
  });
});

describe("due dates and overdue", () => {
  it("a working day's item is late at the end of its working hours; a weekend's at the end of the next working day", () => {
    expect(dueDeadline(berlin, "2026-12-01")?.toISO()).toBe("2026-12-01T18:00:00.000+01:00");
    expect(dueDeadline(berlin, "2026-12-05")?.toISO()).toBe("2026-12-07T18:00:00.000+01:00");
    // 24 and 25 December are holidays, 26–27 a weekend, 28 a holiday.
    expect(dueDeadline(berlin, "2026-12-24")?.toISO()).toBe("2026-12-29T18:00:00.000+01:00");
    expect(isOverdue(berlin, "2026-12-01", at("2026-12-01T17:59:00+01:00"))).toBe(false);
    expect(isOverdue(berlin, "2026-12-01", at("2026-12-01T18:00:00+01:00"))).toBe(true);
    expect(isOverdue(berlin, null, at("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("business days", () => {
  it("counts working days strictly between two dates: resolved Friday, two have passed on Wednesday", () => {
    const friday = at("2026-11-20T15:30:00Z");
    expect(workingDaysBetween(berlin, friday, at("2026-11-24T12:00:00Z"))).toBe(1);
    expect(workingDaysBetween(berlin, friday, at("2026-11-25T12:00:00Z"))).toBe(2);
    // Over Christmas: resolved 23 December, the next working days are 29 and 30 December.
    const before = at("2026-12-23T10:00:00+01:00");
    expect(workingDaysBetween(berlin, before, at("2026-12-30T10:00:00+01:00"))).toBe(1);
    expect(workingDaysBetween(berlin, before, at("2026-12-31T10:00:00+01:00"))).toBe(2);
  });
});

describe("the reminder day", () => {
  it("is the start of working hours on the week's first working day: Tuesday when Monday is a holiday", () => {
    expect(reminderMoment(berlin, at("2026-11-25T12:00:00Z"))?.toISO()).toBe(
      "2026-11-23T09:00:00.000+01:00",
    );
    const easter = workCalendar(
      configSchema.parse({ timeZone: "Europe/Berlin", calendar: { holidays: ["2026-04-06"] } }),
    );
    expect(reminderMoment(easter, at("2026-04-08T12:00:00Z"))?.toISO()).toBe(
      "2026-04-07T09:00:00.000+02:00",
    );
    expect(isReminderDue(berlin, at("2026-11-23T07:59:00Z"))).toBe(false);
    expect(isReminderDue(berlin, at("2026-11-23T08:00:00Z"))).toBe(true);
    expect(isReminderDue(berlin, at("2026-11-27T20:00:00Z"))).toBe(true);
    expect(weekKey(berlin, at("2026-11-23T08:00:00Z"))).toBe("2026-W48");
  });
});

describe("calendar config", () => {
  it("names the key and what to write for a bad day, time or date", () => {
    const result = parseConfigText(
      "calendar:\n  workingDays: [Mon]\n  workingHours: { start: '9am', end: '18:00' }\n  holidays: [2026-02-30]\n",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.key)).toEqual([
      "calendar.workingDays.0",
      "calendar.workingHours.start",
      "calendar.holidays.0",
    ]);
    expect(result.issues[1]?.message).toBe("is not a time of day: write HH:MM, e.g. 09:00");
    expect(result.issues[2]?.message).toBe("is not a date: write YYYY-MM-DD, e.g. 2026-12-25");
  });

  it("refuses working hours that end before they start", () => {
    const result = parseConfigText("calendar:\n  workingHours: { start: '18:00', end: '09:00' }\n");
    expect(result.ok ? [] : result.issues).toEqual([
      {
        key: "calendar.workingHours",
        message: "must start before it ends (e.g. start: 09:00, end: 18:00)",
      },
    ]);
  });
});
