import { z } from "zod";
import { DOCS } from "../rest/http-error.js";
import { REST_ROUTES } from "../rest/rest-routes.js";
import type { RestResponse } from "../rest/route.js";
import type { InterceptedRequest } from "./recorded-request.js";

/**
 * How a faulty call fails, as GitHub's API fails in the wild:
 * - `500`, `502`: a server error (GitHub's 502 is an HTML page, not JSON);
 * - `rate-limit`: 429 with `x-ratelimit-remaining: 0` and the reset a second away;
 * - `secondary-rate-limit`: 403 saying "secondary rate limit", with `retry-after: 1`;
 * - `reset`: the connection is closed without an answer.
 */
const FAULT_KINDS = ["500", "502", "rate-limit", "secondary-rate-limit", "reset"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault for the Nth call that matches: it fails `before` GitHub applies it (nothing written), or
 * `after` (written, but the answer is lost). `run` is called when that call arrives, before it is
 * applied: a person's edit or another tool's label landing in the app's window between its read
 * and its write. A fault with only `run` answers the call normally.
 */
export interface FaultSpec {
  /** The operation, as the recorded requests name it: `PATCH /repos/{owner}/{repo}/issues/{issue_number}`. */
  operation?: string;
  /** Any call with this method (`POST`, `PATCH` …); with `operation`, both must match. */
  method?: string;
  /** Any other condition on the call. */
  match?: (request: InterceptedRequest) => boolean;
  /** Which matching call (1 is the first); default 1. */
  nth?: number;
  fail?: { kind: FaultKind; when: "before" | "after" };
  run?: () => unknown;
}

/** A fault that was set: whether it fired, and the call it fired on. */
export interface FaultHandle {
  readonly fired: boolean;
  readonly request: InterceptedRequest | undefined;
  /** How many calls matched so far. */
  readonly matched: number;
  remove(): void;
}

/** What the server does with a call a fault fired on. */
export interface FiredFault {
  fail?: { kind: FaultKind; when: "before" | "after" };
  run?: () => unknown;
}

const OPERATIONS = new Set(REST_ROUTES.map((route) => `${route.method} ${route.path}`));

const callable = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
  message: "must be a function",
});

const specSchema = z
  .object({
    operation: z
      .string()
      .refine((operation) => OPERATIONS.has(operation) || /^graphql( \w+)?$/.test(operation), {
        message: "is not an operation the local GitHub serves",
      })
      .optional(),
    method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]).optional(),
    match: callable.optional(),
    nth: z.number().int().min(1).default(1),
    fail: z
      .object({ kind: z.enum(FAULT_KINDS), when: z.enum(["before", "after"]) })
      .strict()
      .optional(),
    run: callable.optional(),
  })
  .strict()
  .refine((spec) => spec.fail || spec.run, { message: "a fault needs `fail`, `run` or both" });

interface FaultEntry {
  spec: FaultSpec & { nth: number };
  matched: number;
  request?: InterceptedRequest;
}

/** The faults set on a local GitHub; each fires once, on its Nth matching call. */
export class FaultList {
  readonly #faults: FaultEntry[] = [];

  /** Sets a fault; throws on a spec that could never fire as meant (unknown operation, nth 0). */
  add(spec: FaultSpec): FaultHandle {
    const parsed = specSchema.safeParse(spec);
    if (!parsed.success)
      throw new TypeError(
        `invalid fault: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "fault"} ${issue.message}`).join("; ")}`,
      );
    const entry: FaultEntry = {
      spec: { ...spec, nth: parsed.data.nth },
      matched: 0,
    };
    this.#faults.push(entry);
    const faults = this.#faults;
    return {
      get fired() {
        return entry.request !== undefined;
      },
      get request() {
        return entry.request;
      },
      get matched() {
        return entry.matched;
      },
      remove() {
        const index = faults.indexOf(entry);
        if (index >= 0) faults.splice(index, 1);
      },
    };
  }

  /** Counts the call against every fault it matches; returns the first that fires on it. */
  take(request: InterceptedRequest): FiredFault | undefined {
    let fired: FiredFault | undefined;
    for (const entry of this.#faults) {
      const { spec } = entry;
      if (entry.request || !matches(spec, request)) continue;
      entry.matched += 1;
      if (entry.matched !== spec.nth || fired) continue;
      entry.request = request;
      fired = {
        ...(spec.fail ? { fail: spec.fail } : {}),
        ...(spec.run ? { run: spec.run } : {}),
      };
    }
    return fired;
  }
}

function matches(spec: FaultSpec, request: InterceptedRequest): boolean {
  if (spec.operation && request.operation !== spec.operation) return false;
  if (spec.method && request.method !== spec.method) return false;
  return spec.match ? spec.match(request) : true;
}

/** GitHub's answer for a fault kind; null for `reset` (no answer at all). */
export function faultAnswer(kind: FaultKind, now = Date.now()): RestResponse | null {
  switch (kind) {
    case "500":
      return { status: 500, body: { message: "Server Error", documentation_url: DOCS } };
    case "502":
      return { status: 502, text: "<html><body><h1>502 Bad Gateway</h1></body></html>" };
    case "rate-limit":
      return {
        status: 429,
        headers: {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Math.ceil(now / 1000) + 1),
        },
        body: { message: "API rate limit exceeded for installation.", documentation_url: DOCS },
      };
    case "secondary-rate-limit":
      return {
        status: 403,
        headers: { "retry-after": "1" },
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          documentation_url: DOCS,
        },
      };
    case "reset":
      return null;
  }
}
