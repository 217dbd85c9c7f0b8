import { createHash } from "node:crypto";
import type { Config } from "../config/config.js";
import type { KeptReading } from "../report/reading-after-edit.js";
import type { Problem } from "../report/types.js";
import type { IntakeInput } from "./plan-intake.js";

/** What a body's problems depend on besides the body. */
type Planned = Pick<IntakeInput, "labels" | "config" | "issue">;

/** What the memo gives back of a body it was given. */
export interface Remembered {
  problems: Problem[];
  /** The body's reading, kept when its plan wrote no body and no label (see `keptReading`). */
  reading: KeptReading | null;
}

/**
 * The problems the intake found in the bodies it planned lately, so that an edit does not plan
 * its previous body again: the body before an edit is the one the event before it planned. Kept
 * per body (its SHA-256, not the text), labels, issue facts (title and times) and config (the very
 * object: a changed config is a new one), for the last `capacity` bodies. The readings of the last
 * `readings` of them are kept too (each holds its body): an edit of one that changes only prose
 * (or an item's wording) is then not planned at all (see `planRemembering`).
 */
export class ProblemsMemo {
  readonly #entries = new Map<string, { config: Config } & Remembered>();
  /** The keys of the entries that hold a reading, oldest first. */
  readonly #withReading = new Set<string>();

  constructor(
    private readonly capacity = 1_000,
    private readonly readings = 100,
  ) {}

  get(body: string | null, planned: Planned): Remembered | undefined {
    if (body === null) return undefined;
    const entry = this.#entries.get(key(body, planned));
    if (entry?.config !== planned.config) return undefined;
    // The key is a hash: the reading is given back only for the very text it was read from.
    const reading = entry.reading?.body === body ? entry.reading : null;
    return { problems: entry.problems, reading };
  }

  set(
    body: string,
    planned: Planned,
    problems: Problem[],
    reading: KeptReading | null = null,
  ): void {
    const at = key(body, planned);
    this.#entries.delete(at);
    this.#withReading.delete(at);
    this.#entries.set(at, { config: planned.config, problems, reading });
    if (reading) this.#withReading.add(at);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
      this.#withReading.delete(oldest);
    }
    if (this.#withReading.size > this.readings) {
      const oldest = this.#withReading.values().next().value as string;
      this.#withReading.delete(oldest);
      const entry = this.#entries.get(oldest);
      if (entry) entry.reading = null;
    }
  }
}

function key(body: string, { labels, issue }: Planned): string {
  const hash = createHash("sha256").update(body).digest("base64");
  return `${hash}\0${JSON.stringify(issue ?? null)}\0${labels.join("\0")}`;
}
