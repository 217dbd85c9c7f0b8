import { describe, expect, it } from "vitest";
import {
  followTrackedIssue,
  type TrackedChange,
  trackedChange,
} from "../../src/action-items/sync-item-state.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";

describe("trackedChange: what a tracked issue's close or reopen does to its item", () => {
  it.each<[string, string | null, TrackedChange | null]>([
    ["closed", "completed", "completed"],
    ["closed", null, "completed"],
    ["closed", "not_planned", "not_planned"],
    ["closed", "duplicate", null],
    ["reopened", null, "reopened"],
    ["reopened", "reopened", "reopened"],
  ])("%s (%s) → %s", (action, stateReason, change) => {
    expect(trackedChange(action, stateReason)).toBe(change);
  });
});

function report(items: string[], row: string): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Services | api |",
    "| Started | 2026-11-20 14:05 UTC |",
    "| Detected | 2026-11-20 14:12 UTC |",
    "| Length |  |",
    "| Time to detect | 7 min |",
    "| Time to acknowledge |  |",
    "| Time to mitigate |  |",
    "| Time to resolve |  |",
    `| Action items | ${row} |`,
    "",
    "## Action items",
    "",
    ...items,
  ].join("\n");
}

const tracked = { owner: "acme", name: "web", number: 45 };

describe("followTrackedIssue: the report body after its tracked issue changed", () => {
  it.each<[string, string, TrackedChange, string | null]>([
    [
      "completed: the item checked, the Action items row follows",
      report(["- [ ] add an alert #45", "- [ ] runbook #46"], "0 of 2 done"),
      "completed",
      report(["- [x] add an alert #45", "- [ ] runbook #46"], "1 of 2 done"),
    ],
    [
      "reopened: the item unchecked",
      report(["- [x] add an alert acme/web#45"], "1 of 1 done"),
      "reopened",
      report(["- [ ] add an alert acme/web#45"], "0 of 1 done"),
    ],
    [
      "not planned: struck through, no longer counted",
      report(["- [ ] add an alert #45", "- [x] runbook #46"], "1 of 2 done"),
      "not_planned",
      report(["- [ ] ~~add an alert #45~~ not planned", "- [x] runbook #46"], "1 of 1 done"),
    ],
    [
      "already in line: nothing to write",
      report(["- [x] add an alert #45"], "1 of 1 done"),
      "completed",
      null,
    ],
    [
      "no item links the issue: nothing to write",
      report(["- [ ] add an alert #44"], "0 of 1 done"),
      "completed",
      null,
    ],
  ])("%s", (_, body, change, expected) => {
    expect(followTrackedIssue(body, tracked, change, DEFAULT_CONFIG)).toBe(expected);
  });
});
