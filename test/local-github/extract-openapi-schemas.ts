/**
 * Writes `openapi-schemas.json` beside this file: the response schemas of the REST operations the
 * local GitHub serves, taken from GitHub's published OpenAPI description as `@octokit/openapi`
 * ships it. Run by hand when GitHub's description should be looked at again (not at test time:
 * the package is 400 MB unpacked and is not a dependency):
 *
 *   cd /tmp && npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz
 *   npx tsx test/local-github/extract-openapi-schemas.ts /tmp/package
 *   npx biome format --write test/local-github/openapi-schemas.json
 *
 * The request-body schemas of the webhook events it reports (`x-webhooks`) come along too.
 *
 * Response `$ref`s are resolved (`#/components/responses/not_found` → its JSON schema); schema
 * `$ref`s stay as references into the `components.schemas` of the output, which holds only the
 * schemas reached. Annotations (descriptions, examples, `x-*`) are dropped; validation keywords
 * are kept as they are.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The operations the local GitHub serves, as `METHOD /path` of the OpenAPI description. */
export const OPERATIONS = [
  "POST /app/installations/{installation_id}/access_tokens",
  "GET /app",
  "GET /app/installations",
  "GET /app/hook/deliveries",
  "POST /app/hook/deliveries/{delivery_id}/attempts",
  "GET /installation/repositories",
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/labels",
  "POST /repos/{owner}/{repo}/labels",
  "GET /repos/{owner}/{repo}/issues",
  "POST /repos/{owner}/{repo}/issues",
  "GET /repos/{owner}/{repo}/issues/{issue_number}",
  "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues",
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
] as const;

/** The webhook events the local GitHub reports, as `x-webhooks` keys of the description. */
export const WEBHOOKS = [
  "issues-opened",
  "issues-edited",
  "issues-labeled",
  "issues-unlabeled",
  "issues-closed",
  "issues-reopened",
  "issue-comment-created",
  "issue-comment-edited",
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ANNOTATIONS = new Set(["description", "example", "examples", "title", "externalDocs"]);
/** Keywords whose value is a map from names to schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties"]);
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"]);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema without its annotations, and the component schemas it refers to. */
function clean(schema: Json, refs: Set<string>): Json {
  if (Array.isArray(schema)) return schema.map((item) => clean(item, refs));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") {
      refs.add(value.replace("#/components/schemas/", ""));
      out[key] = value;
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, clean(sub, refs)]),
      );
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = clean(value, refs);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function main(packageDir: string): void {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as JsonObject;
  const file = "generated/api.github.com.json";
  const spec = JSON.parse(readFileSync(join(packageDir, file), "utf8")) as JsonObject;
  const paths = spec.paths as JsonObject;
  const components = spec.components as JsonObject;
  const responses = components.responses as JsonObject;
  const schemas = components.schemas as JsonObject;
  const refs = new Set<string>();
  const operations: JsonObject = {};
  for (const operation of OPERATIONS) {
    const [method = "", path = ""] = operation.split(" ");
    const entry = (paths[path] as JsonObject)[method.toLowerCase()] as JsonObject;
    const byStatus: JsonObject = {};
    for (const [status, response] of Object.entries(entry.responses as JsonObject)) {
      let resolved = response as JsonObject;
      if (typeof resolved.$ref === "string")
        resolved = responses[resolved.$ref.replace("#/components/responses/", "")] as JsonObject;
      const content = resolved.content as JsonObject | undefined;
      const json = content?.["application/json"] as JsonObject | undefined;
      if (json?.schema) byStatus[status] = clean(json.schema, refs);
    }
    operations[operation] = { operationId: entry.operationId ?? null, responses: byStatus };
  }
  const hooks = spec["x-webhooks"] as JsonObject;
  const webhooks: JsonObject = {};
  for (const key of WEBHOOKS) {
    const post = (hooks[key] as JsonObject).post as JsonObject;
    const body = ((post.requestBody as JsonObject).content as JsonObject)[
      "application/json"
    ] as JsonObject;
    // issues-opened → issues.opened, issue-comment-created → issue_comment.created
    const name = key.replace(/-(\w+)$/, ".$1").replace("issue-comment", "issue_comment");
    webhooks[name] = clean(body.schema as Json, refs);
  }
  const kept: JsonObject = {};
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (name in kept) continue;
    const found = new Set<string>();
    kept[name] = clean(schemas[name] as Json, found);
    queue.push(...found);
  }
  const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  const output = {
    source: {
      package: "@octokit/openapi",
      version: pkg.version,
      file,
      openapi: spec.openapi,
      note: "Written by test/local-github/extract-openapi-schemas.ts; do not edit by hand.",
    },
    operations,
    webhooks,
    components: { schemas: sorted },
  };
  const target = new URL("./openapi-schemas.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(
    `wrote ${OPERATIONS.length} operations, ${WEBHOOKS.length} webhooks, ${Object.keys(sorted).length} schemas\n`,
  );
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: tsx extract-openapi-schemas.ts UNPACKED_PACKAGE_DIR\n");
  process.exit(2);
}
main(dir);
