import { Octokit } from "@octokit/rest";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { graphqlData } from "../../src/github/graphql-data.js";

const QUERY = 'query Q($o0: String!) { r0: repository(owner: $o0, name: "ops") { name } }';

describe("graphqlData", () => {
  afterEach(() => nock.cleanAll());

  it("posts the query and its variables to /graphql and gives the data", async () => {
    let sent: unknown;
    const scope = nock("https://api.github.com")
      .post("/graphql", (body) => {
        sent = body;
        return true;
      })
      .reply(200, { data: { r0: { name: "ops" } } });
    const octokit = new Octokit({ auth: "token" });
    expect(await graphqlData(octokit, QUERY, { o0: "acme" })).toEqual({ r0: { name: "ops" } });
    expect(sent).toEqual({ query: QUERY, variables: { o0: "acme" } });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("gives the data GitHub could read beside a NOT_FOUND error for a repository", async () => {
    const scope = nock("https://api.github.com")
      .post("/graphql")
      .reply(200, {
        data: { r0: null, r1: { name: "web" } },
        errors: [{ type: "NOT_FOUND", path: ["r0"], message: "Could not resolve" }],
      });
    const octokit = new Octokit({ auth: "token" });
    expect(await graphqlData(octokit, QUERY, {})).toEqual({ r0: null, r1: { name: "web" } });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("asks again through octokit.graphql on any other error, and throws what it throws", async () => {
    const failed = { data: null, errors: [{ message: "Something went wrong" }] };
    const scope = nock("https://api.github.com")
      .post("/graphql")
      .reply(200, failed)
      .post("/graphql", { query: QUERY, variables: { o0: "acme" } })
      .reply(200, failed);
    const octokit = new Octokit({ auth: "token" });
    await expect(graphqlData(octokit, QUERY, { o0: "acme" })).rejects.toMatchObject({
      name: "GraphqlResponseError",
      errors: [{ message: "Something went wrong" }],
    });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("lets Probot's throttling see a GraphQL rate limit, as for any other query", async () => {
    const limited = {
      data: null,
      errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }],
    };
    const scope = nock("https://api.github.com")
      .post("/graphql")
      .reply(200, limited)
      .post("/graphql")
      .reply(200, limited, { "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60) });
    const limits: string[] = [];
    const octokit = new ProbotOctokit({
      auth: { token: "token" },
      throttle: {
        onRateLimit: (_after: number, options: { url: string }) => {
          limits.push(options.url);
          return false;
        },
        onSecondaryRateLimit: () => false,
      },
    });
    await expect(graphqlData(octokit, QUERY, {})).rejects.toThrow(/rate limit/i);
    expect(limits).toEqual(["/graphql"]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("asks GitHub Enterprise Server at /api/graphql, beside its REST API at /api/v3", async () => {
    const scope = nock("https://ghe.example.com")
      .post("/api/graphql")
      .reply(200, { data: { r0: { name: "ops" } } });
    const octokit = new Octokit({ auth: "token", baseUrl: "https://ghe.example.com/api/v3" });
    expect(await graphqlData(octokit, QUERY, {})).toEqual({ r0: { name: "ops" } });
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("throws an HTTP error as Octokit does", async () => {
    const scope = nock("https://api.github.com").post("/graphql").reply(502, "Bad gateway");
    const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const octokit = new Octokit({ auth: "token", log: silent });
    await expect(graphqlData(octokit, QUERY, {})).rejects.toMatchObject({ status: 502 });
    expect(scope.pendingMocks()).toEqual([]);
  });
});
