import {
  FixedOffsetZone,
  IANAZone,
  Zone,
  type ZoneOffsetFormat,
  type ZoneOffsetOptions,
} from "luxon";

const HOUR = 3_600_000;
/** Hours remembered per zone: some 11 years of them, a few hundred kilobytes. */
const MAX_HOURS = 100_000;

/**
 * An IANA zone whose offsets are remembered by the hour. Luxon asks `Intl` for an offset each
 * time it needs one (several times for every time it reads), which costs more than the rest of
 * reading a report; reports cluster in a few thousand hours. An hour is remembered only when
 * its offset is the same at its first millisecond and the next hour's, so an hour with a change
 * in it or at its end (and Lord Howe's half-hour changes) is always asked again: the answers are
 * exactly luxon's.
 */
class CachedOffsetZone extends Zone {
  private readonly offsets = new Map<number, number>();
  private readonly starts = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {
    super();
  }

  /** "iana", so that luxon formats it with `Intl` by its name, as it does the zone it wraps. */
  override get type(): string {
    return "iana";
  }
  override get name(): string {
    return this.zone.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.zone.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.zone.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.zone.formatOffset(ts, format);
  }
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }

  override offset(ts: number): number {
    const hour = Math.floor(ts / HOUR);
    const known = this.offsets.get(hour);
    if (known !== undefined) return known;
    const first = this.startOf(hour);
    if (first !== this.startOf(hour + 1)) return this.zone.offset(ts);
    if (this.offsets.size >= MAX_HOURS) this.offsets.clear();
    this.offsets.set(hour, first);
    return first;
  }

  /**
   * The offset at an hour's first millisecond, remembered: an hour is known from its own start
   * and the next hour's, so neighbouring hours share one `Intl` call (an hour that ends with a
   * change is asked again each time, as an hour with one inside).
   */
  private startOf(hour: number): number {
    const known = this.starts.get(hour);
    if (known !== undefined) return known;
    const offset = this.zone.offset(hour * HOUR);
    if (this.starts.size >= MAX_HOURS) this.starts.clear();
    this.starts.set(hour, offset);
    return offset;
  }
}

const zones = new Map<string, CachedOffsetZone>();

/**
 * The IANA zone of a name with its offsets remembered (one instance per name); UTC under any of
 * its names is one zone, so that a time reads back the same however it was written; luxon's
 * invalid zone when the name is none.
 *
 * @example DateTime.fromObject({ year: 2026, month: 10 }, { zone: cachedZone("Europe/Berlin") })
 */
export function cachedZone(name: string): Zone {
  if (/^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal)$/i.test(name)) return FixedOffsetZone.utcInstance;
  const zone = IANAZone.create(name);
  if (!zone.isValid) return zone;
  let cached = zones.get(zone.name);
  if (!cached) {
    cached = new CachedOffsetZone(zone);
    zones.set(zone.name, cached);
  }
  return cached;
}
