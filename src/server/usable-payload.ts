/**
 * Why a verified payload cannot be handled, or null when it can. The events the app handles
 * (`issues`, `issue_comment`) need their issue, repository and installation; any other event
 * needs only to be a JSON object (the app ignores it). A payload that fails here is answered 2xx,
 * since redelivering it would not make it usable.
 */
export function unusablePayload(event: string, payload: unknown): string | null {
  if (!isObject(payload)) return "the payload is not a JSON object";
  if (event !== "issues" && event !== "issue_comment") return null;
  const missing: string[] = [];
  if (typeof payload.action !== "string") missing.push("action");
  const issue = payload.issue;
  if (!isObject(issue) || typeof issue.number !== "number") missing.push("issue.number");
  const repository = payload.repository;
  const owner = isObject(repository) ? repository.owner : undefined;
  if (!isObject(repository) || typeof repository.name !== "string") missing.push("repository.name");
  if (!isObject(owner) || typeof owner.login !== "string") missing.push("repository.owner.login");
  const installation = payload.installation;
  if (!isObject(installation) || typeof installation.id !== "number")
    missing.push("installation.id");
  return missing.length > 0 ? `the payload lacks ${missing.join(", ")}` : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
