/**
 * The repositories where GitHub answered the sub-issue endpoint with 404 or 410 (GitHub Enterprise
 * Server versions without sub-issues): the app links action items as plain issue references there,
 * asks no more, and says so in the log once per repository.
 */
export class SubIssueSupport {
  readonly #unavailable = new Set<string>();

  available(owner: string, repo: string): boolean {
    return !this.#unavailable.has(`${owner}/${repo}`.toLowerCase());
  }

  /** Records that the repository has no sub-issues; true the first time (log then). */
  markUnavailable(owner: string, repo: string): boolean {
    const key = `${owner}/${repo}`.toLowerCase();
    if (this.#unavailable.has(key)) return false;
    this.#unavailable.add(key);
    return true;
  }
}
