/**
 * Local time in an IANA zone from the platform's `Intl.DateTimeFormat` alone (no luxon), so the
 * reference computation does not share the code's way of reading zones.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes east of UTC at that instant. */
  offset: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const seen = new Map<string, LocalParts>();

export function localParts(instant: number, zone: string): LocalParts {
  const key = `${zone} ${instant}`;
  const known = seen.get(key);
  if (known) return known;
  const parts = readParts(instant, zone);
  seen.set(key, parts);
  return parts;
}

function readParts(instant: number, zone: string): LocalParts {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const local = {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offset = Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
  return { ...local, weekday: WEEKDAY[parts.weekday ?? ""] ?? 0, offset };
}

/** The instant a wall time names in the zone (the later offset's reading when it names two). */
export function wallToInstant(
  wall: Pick<LocalParts, "year" | "month" | "day" | "hour" | "minute">,
  zone: string,
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - localParts(asUtc, zone).offset * 60_000;
  return asUtc - localParts(first, zone).offset * 60_000;
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function isoDate(instant: number, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** `YYYY-MM` of the instant in the zone. */
export function isoMonth(instant: number, zone: string): string {
  return isoDate(instant, zone).slice(0, 7);
}
