import { describe, expect, it } from "vitest";
import { isReport } from "../../src/labels/is-report.js";
import { hasLabel, hasLabelPrefix, sameLabel } from "../../src/labels/label-name.js";

const names = { report: "disruption", analytics: "disruption-analytics" };

describe("isReport", () => {
  it.each([
    [["disruption"], true],
    [["Disruption", "severity: sev2"], true],
    [["DISRUPTION"], true],
    [["disruption", "disruption-analytics"], false],
    [["disruption", "Disruption-Analytics"], false],
    [["disruption-analytics"], false],
    [["bug", "disruptions"], false],
    [[], false],
  ])("%j → %s", (labels, expected) => {
    expect(isReport(labels, names)).toBe(expected);
  });
});

describe("label names compare as GitHub compares them", () => {
  it.each([
    ["type: deployment", "Type: Deployment", true],
    ["disruption", "disruption ", false],
    ["severity: sev1", "severity: sev2", false],
  ])("sameLabel(%j, %j) is %s", (a, b, expected) => {
    expect(sameLabel(a, b)).toBe(expected);
    expect(hasLabel(["bug", a], b)).toBe(expected);
  });

  it.each([
    ["Service: Checkout", "service: ", true],
    ["service: checkout", "Service: ", true],
    ["checkout", "service: ", false],
    ["anything", "", false],
  ])("hasLabelPrefix(%j, %j) is %s", (name, prefix, expected) => {
    expect(hasLabelPrefix(name, prefix)).toBe(expected);
  });
});
