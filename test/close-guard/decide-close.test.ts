import { describe, expect, it } from "vitest";
import {
  type CloseContext,
  decideClose,
  type ReferenceState,
} from "../../src/close-guard/decide-close.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseReport } from "../../src/report/parse-report.js";

function report(severity: string, items: string[]): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Services | api |",
    `| Severity | ${severity} |`,
    "",
    "## Action items",
    "",
    ...items,
  ].join("\n");
}

const repository = { owner: "acme", name: "ops" };

function decide(body: string, extra: Partial<CloseContext> = {}) {
  return decideClose(parseReport(body), {
    config: DEFAULT_CONFIG,
    stateReason: "completed",
    repository,
    ...extra,
  });
}

describe("decideClose", () => {
  it("allows a close when every item is checked or struck through", () => {
    const body = report("SEV2", [
      "- [x] @alice add an alert",
      "- [ ] ~~rewrite the pool~~ not needed",
    ]);
    expect(decide(body)).toEqual({ allowed: true, blockers: [] });
  });

  it("blocks on each open item", () => {
    const decision = decide(
      report("SEV3", [
        "- [ ] @alice add an alert (due 2026-12-01)",
        "- [x] done",
        "  - [ ] nested follow-up",
      ]),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.blockers.map((b) => (b.kind === "open-item" ? b.item.text : b.kind))).toEqual([
      "@alice add an alert (due 2026-12-01)",
      "nested follow-up",
    ]);
  });

  it("blocks a SEV1 or SEV2 report without any action item, not a SEV3", () => {
    expect(decide(report("SEV1", [])).blockers).toEqual([
      { kind: "no-action-items", severity: "SEV1" },
    ]);
    expect(decide(report("SEV1", ["- [ ] ~~dropped~~ reason"])).blockers).toEqual([
      { kind: "no-action-items", severity: "SEV1" },
    ]);
    expect(decide(report("SEV3", [])).allowed).toBe(true);
    const config = { ...DEFAULT_CONFIG, closeGuard: { enabled: true, requireActionItems: [] } };
    expect(
      decideClose(parseReport(report("SEV1", [])), { config, stateReason: "completed" }).allowed,
    ).toBe(true);
  });

  it.each(["not_planned", "duplicate"])("always allows a close as %s", (stateReason) => {
    expect(decide(report("SEV1", ["- [ ] open"]), { stateReason }).allowed).toBe(true);
  });

  it("counts an unchecked item as done when all its referenced issues are closed as completed", () => {
    const body = report("SEV2", ["- [ ] fix in #12 and acme/api#3"]);
    const references = new Map<string, ReferenceState>([
      ["acme/ops#12", { kind: "found", state: "CLOSED", stateReason: "completed" }],
      ["acme/api#3", { kind: "found", state: "CLOSED", stateReason: "completed" }],
    ]);
    expect(decide(body, { references }).allowed).toBe(true);
    const notPlanned = new Map(references).set("acme/api#3", {
      kind: "found",
      state: "CLOSED",
      stateReason: "not_planned",
    });
    expect(decide(body, { references: notPlanned }).blockers.map((b) => b.kind)).toEqual([
      "open-item",
    ]);
    const duplicate = new Map(references).set("acme/api#3", {
      kind: "found",
      state: "CLOSED",
      stateReason: "duplicate",
    });
    expect(decide(body, { references: duplicate }).blockers.map((b) => b.kind)).toEqual([
      "open-item",
    ]);
  });

  it("blocks a checked item whose referenced issue is still open, naming it", () => {
    const body = report("SEV2", ["- [x] tracked in #12"]);
    const references = new Map<string, ReferenceState>([
      ["acme/ops#12", { kind: "found", state: "OPEN", stateReason: null }],
    ]);
    expect(decide(body, { references }).blockers).toEqual([
      {
        kind: "checked-but-open-reference",
        item: expect.objectContaining({ text: "tracked in #12" }),
        references: ["#12"],
      },
    ]);
  });

  it("counts an item whose referenced issue cannot be read as not done", () => {
    const body = report("SEV2", ["- [ ] see https://github.com/acme/secret/issues/4"]);
    const references = new Map<string, ReferenceState>([["acme/secret#4", { kind: "unreadable" }]]);
    expect(decide(body, { references }).blockers.map((b) => b.kind)).toEqual([
      "unreadable-reference",
    ]);
  });

  it("blocks while sub-issues are open", () => {
    const body = report("SEV3", ["- [x] done"]);
    expect(decide(body, { subIssues: { total: 3, completed: 1 } }).blockers).toEqual([
      { kind: "open-sub-issues", open: 2, total: 3 },
    ]);
    expect(decide(body, { subIssues: { total: 3, completed: 3 } }).allowed).toBe(true);
  });

  it("takes checkboxes as written when reference states are not known (the CLI)", () => {
    expect(decide(report("SEV2", ["- [x] tracked in #12"])).allowed).toBe(true);
  });
});
