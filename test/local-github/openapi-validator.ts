import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** GitHub's response and webhook schemas, extracted by extract-openapi-schemas.ts. */
const document = JSON.parse(
  readFileSync(new URL("./openapi-schemas.json", import.meta.url), "utf8"),
) as {
  source: { package: string; version: string };
  operations: Record<string, { responses: Record<string, unknown> }>;
  webhooks: Record<string, unknown>;
};

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `null` joins the type (and the enum), or, where
 * there is no `type` (`allOf`, `$ref`), the schema becomes "that or null".
 */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const { nullable, ...rest } = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, jsonSchema(value)]),
  ) as Record<string, unknown>;
  if (nullable !== true) return rest;
  if (typeof rest.type === "string") {
    const enumValues =
      Array.isArray(rest.enum) && !rest.enum.includes(null) ? [...rest.enum, null] : rest.enum;
    return { ...rest, type: [rest.type, "null"], ...(enumValues ? { enum: enumValues } : {}) };
  }
  return { anyOf: [rest, { type: "null" }] };
}

/**
 * Where GitHub's description contradicts GitHub's answers, corrected here (the extracted file stays
 * as published). `GET /app/installations` describes `account` as `allOf` a user and an
 * enterprise, so every account would need an enterprise's `slug` too; the `installation` component
 * (and GitHub's answers) have `anyOf`.
 */
function correctErrata(schemas: typeof document): void {
  const items = schemas.operations["GET /app/installations"]?.responses["200"] as
    | { items?: { properties?: { account?: { allOf?: unknown; anyOf?: unknown } } } }
    | undefined;
  const account = items?.items?.properties?.account;
  if (account?.allOf) {
    account.anyOf = account.allOf;
    delete account.allOf;
  }
}
correctErrata(document);

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// Annotations were stripped at extraction; references stay references and the code is not
// optimised, which makes compiling the large webhook schemas three times faster.
const ajv = new Ajv({ strict: false, inlineRefs: false, code: { optimize: false } });
addFormats(ajv);
ajv.addSchema(jsonSchema(document) as object, "openapi");

const cache = new Map<string, ValidateFunction>();

function pointer(...parts: string[]): string {
  return parts
    .map((part) => encodeURIComponent(part.replace(/~/g, "~0").replace(/\//g, "~1")))
    .join("/");
}

function validator(path: string): ValidateFunction {
  let found = cache.get(path);
  if (!found) {
    found = ajv.compile({ $ref: `openapi#/${path}` });
    cache.set(path, found);
  }
  return found;
}

/** Where the schemas came from (`@octokit/openapi@23.0.2`). */
export const SOURCE = `${document.source.package}@${document.source.version}`;

/** The statuses GitHub's description lists for an operation (`GET /repos/{owner}/{repo}/issues`). */
export function describedStatuses(operation: string): string[] {
  const entry = document.operations[operation];
  if (!entry) throw new Error(`${operation} is not among the extracted operations`);
  return Object.keys(entry.responses);
}

/** The schema errors of a response body, or [] when it is valid (or the status has no JSON schema). */
export function responseErrors(operation: string, status: number, body: unknown): string[] {
  const entry = document.operations[operation];
  if (!entry) return [`${operation} is not among the extracted operations`];
  if (!(String(status) in entry.responses)) {
    // GitHub answers 401 (bad credential) and 404 (not there, or hidden) on any operation,
    // whether or not the description lists them.
    if (status === 401 || status === 404)
      return errorsOf(validator("components/schemas/basic-error"), body);
    return [`${operation} does not describe status ${status}`];
  }
  return errorsOf(validator(pointer("operations", operation, "responses", String(status))), body);
}

/** The schema errors of an error answer's body against GitHub's `basic-error`, or []. */
export function basicErrorErrors(body: unknown): string[] {
  return errorsOf(validator("components/schemas/basic-error"), body);
}

/** The schema errors of a webhook payload (`issues.opened`), or []. */
export function webhookErrors(event: string, payload: unknown): string[] {
  if (!(event in document.webhooks)) return [`${event} is not among the extracted webhooks`];
  return errorsOf(validator(pointer("webhooks", event)), payload);
}

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`,
  );
}
