import { describe, expect, it } from "vitest";
import { readIssuesJson } from "../../src/analytics/read-issues-json.js";

const restSample = [
  {
    url: "https://api.github.com/repos/acme/ops/issues/17",
    html_url: "https://github.com/acme/ops/issues/17",
    number: 17,
    title: "Checkout down",
    user: { login: "alice" },
    labels: [{ id: 1, name: "disruption", color: "b60205", default: false }],
    state: "closed",
    state_reason: "completed",
    created_at: "2026-10-20T14:30:00Z",
    closed_at: "2026-10-21T09:00:00Z",
    body: "## Overview",
  },
  {
    html_url: "https://github.com/acme/ops/pull/18",
    number: 18,
    title: "Fix the pool",
    labels: [],
    state: "open",
    state_reason: null,
    created_at: "2026-10-21T10:00:00Z",
    closed_at: null,
    body: null,
    pull_request: { url: "https://api.github.com/repos/acme/ops/pulls/18" },
  },
  {
    html_url: "https://github.com/acme/ops/issues/19",
    number: 19,
    title: "Search slow",
    labels: ["disruption", "severity: sev3"],
    state: "open",
    state_reason: null,
    created_at: "2026-10-22T10:00:00Z",
    closed_at: null,
    body: null,
  },
];

const ghSample = [
  {
    body: "### Affected services\n\napi",
    closedAt: "2026-10-21T09:00:00Z",
    createdAt: "2026-10-20T14:30:00Z",
    labels: [{ id: "LA_kw", name: "disruption", description: "", color: "b60205" }],
    number: 17,
    state: "CLOSED",
    stateReason: "DUPLICATE",
    title: "Checkout down",
    url: "https://github.com/acme/ops/issues/17",
  },
  {
    body: "",
    closedAt: null,
    createdAt: "2026-10-22T10:00:00Z",
    labels: [],
    number: 19,
    state: "OPEN",
    stateReason: "",
    title: "Search slow",
    url: "https://github.com/acme/ops/issues/19",
  },
];

describe("readIssuesJson", () => {
  it("reads issues as the REST API returns them, skipping pull requests", () => {
    expect(readIssuesJson(restSample)).toEqual({
      issues: [
        {
          number: 17,
          title: "Checkout down",
          url: "https://github.com/acme/ops/issues/17",
          body: "## Overview",
          state: "closed",
          stateReason: "completed",
          createdAt: "2026-10-20T14:30:00Z",
          closedAt: "2026-10-21T09:00:00Z",
          labels: ["disruption"],
        },
        {
          number: 19,
          title: "Search slow",
          url: "https://github.com/acme/ops/issues/19",
          body: "",
          state: "open",
          stateReason: null,
          createdAt: "2026-10-22T10:00:00Z",
          closedAt: null,
          labels: ["disruption", "severity: sev3"],
        },
      ],
    });
  });

  it("reads issues as gh issue list --json prints them", () => {
    expect(readIssuesJson(ghSample)).toEqual({
      issues: [
        {
          number: 17,
          title: "Checkout down",
          url: "https://github.com/acme/ops/issues/17",
          body: "### Affected services\n\napi",
          state: "closed",
          stateReason: "duplicate",
          createdAt: "2026-10-20T14:30:00Z",
          closedAt: "2026-10-21T09:00:00Z",
          labels: ["disruption"],
        },
        {
          number: 19,
          title: "Search slow",
          url: "https://github.com/acme/ops/issues/19",
          body: "",
          state: "open",
          stateReason: null,
          createdAt: "2026-10-22T10:00:00Z",
          closedAt: null,
          labels: [],
        },
      ],
    });
  });

  it("names the entry and the key that do not fit", () => {
    const broken = [ghSample[0], { ...ghSample[1], state: "MERGED" }];
    const result = readIssuesJson(broken);
    expect(result).toHaveProperty("error");
    expect("error" in result && result.error).toMatch(
      /^Entry 1 is not an issue as gh prints it: `state`: /,
    );
    const rest = readIssuesJson([{ ...restSample[0], created_at: undefined }]);
    expect("error" in rest && rest.error).toMatch(
      /^Entry 0 is not an issue as the REST API returns it: `created_at`: /,
    );
  });

  it("refuses what is not an array", () => {
    expect(readIssuesJson({ issues: [] })).toEqual({
      error: expect.stringMatching(/got an object \(is the array wrapped in another key\?\)\.$/),
    });
    expect(readIssuesJson([])).toEqual({ issues: [] });
  });
});
