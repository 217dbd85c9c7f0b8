import { createHash } from "node:crypto";
import type { Config } from "../config/config.js";
import type { Problem } from "../report/types.js";
import type { IntakeInput } from "./plan-intake.js";

/** What a body's problems depend on besides the body. */
type Planned = Pick<IntakeInput, "labels" | "config" | "issue">;

/**
 * The problems the intake found in the bodies it planned lately, so that an edit does not plan
 * its previous body again: the body before an edit is the one the event before it planned. Kept
 * per body (its SHA-256, not the text), labels, issue facts (title and times) and config (the very
 * object: a changed config is a new one), for the last `capacity` bodies.
 */
export class ProblemsMemo {
  readonly #entries = new Map<string, { config: Config; problems: Problem[] }>();
  constructor(private readonly capacity = 1_000) {}

  get(body: string | null, planned: Planned): Problem[] | undefined {
    if (body === null) return undefined;
    const entry = this.#entries.get(key(body, planned));
    return entry?.config === planned.config ? entry.problems : undefined;
  }

  set(body: string, planned: Planned, problems: Problem[]): void {
    const at = key(body, planned);
    this.#entries.delete(at);
    this.#entries.set(at, { config: planned.config, problems });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

function key(body: string, { labels, issue }: Planned): string {
  const hash = createHash("sha256").update(body).digest("base64");
  return `${hash}\0${JSON.stringify(issue ?? null)}\0${labels.join("\0")}`;
}
