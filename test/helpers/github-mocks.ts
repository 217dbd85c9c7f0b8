import type nock from "nock";
import { OWNER, REPO } from "./payloads.js";

export const repoPath = `/repos/${OWNER}/${REPO}`;
export const configPath = `${repoPath}/contents/.github%2Fdisruption-reports.yml`;
export const orgConfigPath = `/repos/${OWNER}/.github/contents/.github%2Fdisruption-reports.yml`;

/** No config file in the repository nor in the owner's .github repository: the two reads it costs. */
export function noConfig(scope: nock.Scope): nock.Scope {
  return scope
    .get(configPath)
    .reply(404, { message: "Not Found" })
    .get(orgConfigPath)
    .reply(404, { message: "Not Found" });
}

/** A nock body matcher that keeps every request body it sees, for assertions. */
export function capture<T>(into: T[]) {
  return (body: T) => {
    into.push(body);
    return true;
  };
}
