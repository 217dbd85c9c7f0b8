import { Octokit } from "@octokit/rest";
import nock from "nock";
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

  it("gives the data GitHub could read beside its errors, and {} when it read none", async () => {
    const scope = nock("https://api.github.com")
      .post("/graphql")
      .reply(200, {
        data: { r0: null, r1: { name: "web" } },
        errors: [{ type: "NOT_FOUND", path: ["r0"], message: "Could not resolve" }],
      })
      .post("/graphql")
      .reply(200, { data: null, errors: [{ message: "Something went wrong" }] });
    const octokit = new Octokit({ auth: "token" });
    expect(await graphqlData(octokit, QUERY, {})).toEqual({ r0: null, r1: { name: "web" } });
    expect(await graphqlData(octokit, QUERY, {})).toEqual({});
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
