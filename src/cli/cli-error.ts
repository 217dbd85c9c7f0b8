/** A usage error or an unreadable input: the CLI prints its message on one line and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
