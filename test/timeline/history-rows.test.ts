import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import {
  type HistoryEvent,
  historyRows,
  type LinkedPullRequest,
} from "../../src/timeline/history-rows.js";

const config = { ...DEFAULT_CONFIG, timeZone: "Europe/Berlin" };

/** The rows of a history opened by maya at 14:20:35 UTC, as `time | party | event | effect | marker`. */
function rowsOf(events: HistoryEvent[], pullRequests: LinkedPullRequest[] = []): string[] {
  const history = { createdAt: "2026-11-20T14:20:35Z", author: "maya", events, pullRequests };
  return historyRows(history, config).map(
    (row) =>
      `${row.time.toFormat("HH:mm ZZZZ")} | ${row.party} | ${row.event} | ${row.effect} | ${row.marker}`,
  );
}

const opened = "15:20 GMT+1 | maya | Issue opened | neutral | sync=opened";
const at = "2026-11-20T16:02:59Z";

describe("historyRows: one row a kind of event, in the repository's zone, to the minute", () => {
  it.each<[string, HistoryEvent, string[]]>([
    [
      "a severity label added",
      { kind: "labeled", id: "LE_1", at, actor: "octocat", label: "severity: sev2" },
      ["17:02 GMT+1 | octocat | Severity SEV2 | neutral | sync=LE_1"],
    ],
    [
      "a severity label removed, in another case",
      { kind: "unlabeled", id: "UE_1", at, actor: "octocat", label: "Severity: Sev1" },
      ["17:02 GMT+1 | octocat | Severity SEV1 removed | neutral | sync=UE_1"],
    ],
    [
      "any other label: no row",
      { kind: "labeled", id: "LE_2", at, actor: "octocat", label: "service: api" },
      [],
    ],
    [
      "a close with its reason",
      { kind: "closed", id: "CE_1", at, actor: "octocat", reason: "NOT_PLANNED" },
      ["17:02 GMT+1 | octocat | Closed (not planned) | neutral | sync=CE_1"],
    ],
    [
      "a close without a reason, by an app",
      { kind: "closed", id: "CE_2", at, actor: "renovate[bot]", reason: null },
      ["17:02 GMT+1 | renovate | Closed | neutral | sync=CE_2"],
    ],
    [
      "a reopen by nobody GitHub names",
      { kind: "reopened", id: "RE_1", at, actor: null },
      ["17:02 GMT+1 | GitHub | Reopened | neutral | sync=RE_1"],
    ],
  ])("%s", (_, event, rows) => {
    expect(rowsOf([event])).toEqual([opened, ...rows]);
  });

  it.each<[string, LinkedPullRequest, string[]]>([
    [
      "a pull request opened",
      { number: 12, title: "Fix", createdAt: at, mergedAt: null, author: "bob" },
      ["17:02 GMT+1 | bob | Pull request #12 opened | neutral | sync=pr12-opened"],
    ],
    [
      "a pull request opened and merged: the merge helps recovery",
      {
        number: 12,
        title: "Fix",
        createdAt: at,
        mergedAt: "2026-11-20T17:30:00Z",
        author: "bob",
      },
      [
        "17:02 GMT+1 | bob | Pull request #12 opened | neutral | sync=pr12-opened",
        "18:30 GMT+1 | bob | Pull request #12 merged | positive | sync=pr12-merged",
      ],
    ],
  ])("%s", (_, pr, rows) => {
    expect(rowsOf([], [pr])).toEqual([opened, ...rows]);
  });

  it("keeps the history's order: opened, the events, then the pull requests", () => {
    const rows = rowsOf(
      [
        { kind: "reopened", id: "RE_1", at: "2026-11-21T09:00:00Z", actor: "maya" },
        { kind: "closed", id: "CE_1", at, actor: "maya", reason: "COMPLETED" },
      ],
      [{ number: 3, title: "x", createdAt: "2026-11-19T09:00:00Z", mergedAt: null, author: null }],
    );
    expect(rows.map((row) => row.split(" | ").at(-1))).toEqual([
      "sync=opened",
      "sync=RE_1",
      "sync=CE_1",
      "sync=pr3-opened",
    ]);
  });
});
