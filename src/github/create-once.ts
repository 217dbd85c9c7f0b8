import type { Octokit } from "@octokit/rest";

/** What a create needs of a GitHub client. */
export type CreateClient = Pick<Octokit, "request">;

/**
 * Per-request options for a create (a POST GitHub has no idempotency key for): the retry plugin
 * is off for it, because a POST whose answer was lost would be sent again and create twice
 * (README, "Faults and redeliveries"). `fetch` counts the attempts the throttling plugin still
 * makes on a secondary rate limit, so that a create repeated that way is checked afterwards.
 */
export interface CreateRequestOptions {
  request: { retries: 0; fetch: typeof fetch };
}

/**
 * True for a failure after which GitHub may still have applied the write: a 5xx answer or a lost
 * connection (Octokit reports both as status 500 or more). A 4xx is a refusal: nothing was written.
 */
function mayHaveApplied(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status !== "number" || status >= 500;
}

/** The status of an Octokit error, or undefined. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/**
 * Creates something once, whatever the API does in between:
 * 1. the create is sent without the retry plugin (see {@link CreateRequestOptions});
 * 2. when it fails in a way that may have been applied, the thing is looked for (by its hidden
 *    marker) before it is created again, once; a second failure is thrown, so the delivery is
 *    answered with an error and a redelivery looks again;
 * 3. when it took more than one attempt (the throttling plugin repeats a request GitHub answered
 *    with a secondary rate limit), `settle` is given the result to remove any twin.
 *
 * @example
 * await createOnce(octokit, {
 *   create: (options) => octokit.rest.issues.createComment({ ...issue, body, ...options }),
 *   find: () => findMarkedComment(octokit, issue, marker),
 * });
 */
export async function createOnce<T>(
  octokit: CreateClient,
  steps: {
    create: (options: CreateRequestOptions) => Promise<T>;
    find: () => Promise<T | null>;
    settle?: (created: T) => Promise<T>;
  },
): Promise<T> {
  let attempts = 0;
  const configured = (octokit.request.endpoint.DEFAULTS.request as { fetch?: typeof fetch })?.fetch;
  const counting: typeof fetch = (input, init) => {
    attempts += 1;
    return (configured ?? globalThis.fetch)(input, init);
  };
  const options: CreateRequestOptions = { request: { retries: 0, fetch: counting } };
  let created: T;
  try {
    created = await steps.create(options);
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    const found = await steps.find();
    if (found !== null) return found;
    attempts = 0;
    created = await steps.create(options);
  }
  return attempts > 1 && steps.settle ? steps.settle(created) : created;
}
