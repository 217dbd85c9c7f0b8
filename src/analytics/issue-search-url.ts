/**
 * The github.com issue search for a query, where a cut list sends the reader for the rest.
 *
 * @example issueSearchUrl("acme/ops", ["is:issue", label("disruption"), "is:open"])
 * // "https://github.com/acme/ops/issues?q=is%3Aissue%20label%3Adisruption%20is%3Aopen"
 */
export function issueSearchUrl(repo: string, terms: readonly string[]): string {
  return `https://github.com/${repo}/issues?q=${encodeURIComponent(terms.join(" "))}`;
}

/** `label:NAME`, quoted when the name holds a space, a quote or a colon. */
export function labelTerm(name: string): string {
  return /[\s":,]/.test(name) ? `label:"${name.replace(/"/g, "")}"` : `label:${name}`;
}
