import type { IncomingMessage } from "node:http";

/**
 * The largest webhook payload GitHub sends: 25 MB. GitHub does not deliver a bigger one, so a
 * bigger body is not from GitHub and is refused before it is read
 * (https://docs.github.com/webhooks/webhook-events-and-payloads#payload-cap).
 */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: "too-large" | "aborted" };

/**
 * Reads a request body of at most `limit` bytes. A `Content-Length` over the limit is refused
 * without reading a byte; a body sent without one (chunked) is counted as it streams and refused
 * at the first chunk past the limit, so no request holds more than `limit` bytes of memory.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too-large" };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit) return { ok: false, reason: "too-large" };
      chunks.push(buffer);
    }
  } catch (error) {
    // The client went away mid-body (ECONNRESET, "aborted"): nothing to answer.
    if ((error as NodeJS.ErrnoException).code === "ECONNRESET")
      return { ok: false, reason: "aborted" };
    if ((error as Error).message === "aborted") return { ok: false, reason: "aborted" };
    throw error;
  }
  return { ok: true, body: Buffer.concat(chunks, size) };
}
