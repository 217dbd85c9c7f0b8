import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { githubSchema } from "../../dev/local-github/graphql/github-schema.js";
import { validateQuery } from "../../dev/local-github/graphql/validate-query.js";
import { ISSUE_HISTORY_QUERY } from "../../src/github/read-issue-history.js";

describe("the issue history query", () => {
  it("is valid against GitHub's GraphQL schema", async () => {
    expect(validateQuery(await githubSchema(), parse(ISSUE_HISTORY_QUERY))).toEqual([]);
  });
});
