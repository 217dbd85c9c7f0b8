import { describe, expect, it } from "vitest";
import { fromGraphqlNode } from "../../src/github/graphql-issue-node.js";

describe("fromGraphqlNode", () => {
  it("reads a GraphQL issue node", () => {
    expect(
      fromGraphqlNode({
        number: 3,
        title: "API errors",
        url: "https://github.com/acme/ops/issues/3",
        body: null,
        state: "CLOSED",
        stateReason: "NOT_PLANNED",
        createdAt: "2026-10-01T10:00:00Z",
        closedAt: "2026-10-02T10:00:00Z",
        labels: { nodes: [{ name: "disruption" }, null, { name: "service: api" }] },
      }),
    ).toEqual({
      number: 3,
      title: "API errors",
      url: "https://github.com/acme/ops/issues/3",
      body: "",
      state: "closed",
      stateReason: "not_planned",
      createdAt: "2026-10-01T10:00:00Z",
      closedAt: "2026-10-02T10:00:00Z",
      labels: ["disruption", "service: api"],
    });
  });
});
