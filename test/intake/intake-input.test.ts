import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../src/config/config.js";
import { intakeInput, intakeMayMatter } from "../../src/intake/intake-input.js";
import { issueEdited, issueLabeled, issueOpened } from "../helpers/payloads.js";

describe("intakeMayMatter: which events are worth an API call", () => {
  it.each([
    ["an opened issue with a label", issueOpened({ labels: ["bug"] }), true],
    ["an opened issue without labels", issueOpened({ labels: [] }), false],
    ["a label added later", issueLabeled({ labels: ["disruption"], label: "disruption" }), true],
    [
      "the labeled event GitHub sends right after opened",
      issueLabeled({ labels: ["disruption"], label: "disruption", atCreation: true }),
      false,
    ],
  ])("%s: %s", (_case, payload, expected) => {
    expect(intakeMayMatter(payload)).toBe(expected);
  });

  it("never a pull request", () => {
    const payload = issueOpened({ labels: ["disruption"] });
    const pull = { ...payload, issue: { ...payload.issue, pull_request: { url: "u" } } };
    expect(intakeMayMatter(pull as typeof payload)).toBe(false);
  });
});

describe("intakeInput: what the intake plans on", () => {
  const custom = configSchema.parse({ labels: { report: "Incident" } });

  it.each([
    ["a report opened", issueOpened({ labels: ["Disruption"], body: "B" }), DEFAULT_CONFIG, "fill"],
    ["an issue that is not a report", issueOpened({ labels: ["bug"] }), DEFAULT_CONFIG, null],
    [
      "the report label added",
      issueLabeled({ labels: ["incident"], label: "INCIDENT" }),
      custom,
      "fill",
    ],
    [
      "another label added to a report",
      issueLabeled({ labels: ["disruption", "bug"], label: "bug" }),
      DEFAULT_CONFIG,
      null,
    ],
    [
      "an analytics issue",
      issueOpened({ labels: ["disruption", "disruption-analytics"] }),
      DEFAULT_CONFIG,
      null,
    ],
    ["a report edited", issueEdited({ labels: ["disruption"], body: "B" }), DEFAULT_CONFIG, "edit"],
  ] as const)("%s: %s", (_case, payload, config, mode) => {
    expect(intakeInput(payload, config)?.mode ?? null).toBe(mode);
  });

  it("carries the body before an edit, or null when only the title changed", () => {
    const edited = issueEdited({ labels: ["disruption"], body: "new", previousBody: "old" });
    expect(intakeInput(edited, DEFAULT_CONFIG)).toMatchObject({
      body: "new",
      previousBody: "old",
      labels: ["disruption"],
    });
    const retitled = issueEdited({ labels: ["disruption"], body: "new" });
    expect(intakeInput(retitled, DEFAULT_CONFIG)?.previousBody).toBeNull();
  });
});
