import { describe, expect, it } from "vitest";
import { itemKey, trackedMarker } from "../../src/action-items/tracked-marker.js";
import {
  type ClosedIssue,
  closeSnapshot,
  judgedAsIs,
  mayBeReport,
  stillThisClose,
} from "../../src/close-guard/close-event.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import type { CurrentIssue } from "../../src/github/read-issue.js";

describe("mayBeReport: which closes are looked at, before any API call", () => {
  it.each<[string, ClosedIssue, boolean]>([
    ["a labelled issue", { body: "x", labels: [{ name: "disruption" }] }, true],
    ["any label (the config says which is the report's)", { labels: [{ name: "bug" }] }, true],
    ["no label", { body: "x", labels: [] }, false],
    ["labels missing from the payload", { body: "x" }, false],
    [
      "an action item's own issue",
      { body: `item\n\n${trackedMarker(12, itemKey("add an alert"))}`, labels: [{ name: "x" }] },
      false,
    ],
  ])("%s: %s", (_, issue, expected) => {
    expect(mayBeReport(issue)).toBe(expected);
  });
});

describe("closeSnapshot: the issue as the close event shows it", () => {
  it("takes the body, the label names, the reason and the time; closed by definition", () => {
    expect(
      closeSnapshot({
        body: null,
        labels: [{ name: "Disruption" }, { name: "severity: sev2" }],
        state_reason: "completed",
        closed_at: "2026-11-20T17:02:10Z",
      }),
    ).toEqual({
      body: "",
      labels: ["Disruption", "severity: sev2"],
      state: "closed",
      stateReason: "completed",
      closedAt: "2026-11-20T17:02:10Z",
    });
    expect(closeSnapshot({})).toEqual({
      body: "",
      labels: [],
      state: "closed",
      stateReason: null,
      closedAt: null,
    });
  });
});

const snapshot: CurrentIssue = {
  body: "the report",
  labels: ["disruption"],
  state: "closed",
  stateReason: "completed",
  closedAt: "2026-11-20T17:02:10Z",
};

describe("stillThisClose: whether the guard may still undo the close it judged", () => {
  it.each<[string, Partial<CurrentIssue>, boolean]>([
    ["as it was", {}, true],
    ["edited since (the close is the same)", { body: "edited", stateReason: null }, true],
    ["report label in another case", { labels: ["Disruption"] }, true],
    ["reopened since", { state: "open", closedAt: null }, false],
    ["closed again since", { closedAt: "2026-11-21T10:00:00Z" }, false],
    ["no longer a report", { labels: ["bug"] }, false],
  ])("%s: %s", (_, change, expected) => {
    expect(stillThisClose({ ...snapshot, ...change }, snapshot, DEFAULT_CONFIG)).toBe(expected);
  });
});

describe("judgedAsIs: whether the judgement on the snapshot holds for the issue as read", () => {
  it.each<[string, Partial<CurrentIssue>, boolean]>([
    ["as it was", {}, true],
    ["labels changed (they do not decide a close)", { labels: ["disruption", "x"] }, true],
    ["body edited", { body: "- [x] done" }, false],
    ["reason changed", { stateReason: "not_planned" }, false],
  ])("%s: %s", (_, change, expected) => {
    expect(judgedAsIs({ ...snapshot, ...change }, snapshot)).toBe(expected);
  });
});
