/** How long the labels a repository has are trusted without asking again. */
const LABEL_CACHE_MS = 5 * 60_000;

/**
 * The label names each repository has (compared as `labelKey` does), per installation, for a short
 * while: the rate limit is the resource it saves.
 */
export class LabelCache {
  readonly #entries = new Map<string, { names: Set<string>; at: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Set<string> | null {
    const entry = this.#entries.get(key);
    if (!entry || this.now() - entry.at > LABEL_CACHE_MS) return null;
    return entry.names;
  }

  set(key: string, names: Set<string>): void {
    this.#entries.set(key, { names, at: this.now() });
  }
}
