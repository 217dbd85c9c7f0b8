import { StoreError } from "../store/store-error.js";

/** GitHub's documentation root, for the `documentation_url` of error answers. */
export const DOCS = "https://docs.github.com/rest";

/** An answer other than success, with the JSON body GitHub would send. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.body = { message, ...extra, documentation_url: DOCS, status: String(status) };
  }
}

/** 401, with GitHub's wording for a missing or bad credential. */
export function unauthorized(message = "Requires authentication"): HttpError {
  return new HttpError(401, message);
}

/**
 * 501 for a part of GitHub's API the local GitHub does not model, so a test fails loudly instead
 * of the app reading a plausible but wrong answer.
 */
export function notModeled(what: string): HttpError {
  return new HttpError(501, `The local GitHub does not model ${what}`);
}

/** The HTTP form of anything a handler threw: StoreError and HttpError keep their status. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError) {
    return new HttpError(
      error.status,
      error.message,
      error.errors.length > 0 ? { errors: error.errors } : {},
    );
  }
  return new HttpError(500, `Local GitHub failed: ${(error as Error)?.message ?? String(error)}`);
}
