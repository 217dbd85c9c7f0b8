import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";

describe("parseConfigText", () => {
  it("gives the defaults for an empty file", () => {
    expect(parseConfigText("")).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("keeps every key the team wrote and defaults the rest", () => {
    const result = parseConfigText(
      "timeZone: America/New_York\nlabels:\n  report: incident\n  serviceLabels: false\ntypes: [Database, Network]\nreport:\n  enabled: true\n  day: 3\n",
    );
    expect(result).toEqual({
      ok: true,
      config: {
        ...DEFAULT_CONFIG,
        timeZone: "America/New_York",
        labels: { ...DEFAULT_CONFIG.labels, report: "incident", serviceLabels: false },
        types: ["Database", "Network"],
        report: { enabled: true, day: 3, hour: 9, quarterly: false, repositories: [] },
      },
    });
  });

  it("takes report.repositories as owner/name each, or all, and names a wrong one", () => {
    const listed = parseConfigText("report:\n  repositories: [acme/web, acme/api]\n");
    expect(listed.ok && listed.config.report.repositories).toEqual(["acme/web", "acme/api"]);
    const all = parseConfigText("report:\n  repositories: all\n");
    expect(all.ok && all.config.report.repositories).toBe("all");
    const wrong = parseConfigText("report:\n  repositories: [acme/web, web]\n");
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.issues.map((issue) => [issue.key, issue.message])).toEqual([
      ["report.repositories.1", "must be a repository written owner/name, e.g. acme/ops"],
    ]);
  });

  it("names each key that is wrong, and never falls back to a default for it", () => {
    const result = parseConfigText(
      "timeZone: Berlin\ncloseGuard:\n  requireActionItems: [SEV1, SEV9]\nreport:\n  day: 31\nlabel: x\n",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.key)).toEqual([
      "timeZone",
      "closeGuard.requireActionItems.1",
      "report.day",
      "label",
    ]);
    expect(result.issues[0]?.message).toBe(
      "is not an IANA time zone name (for example UTC or Europe/Berlin)",
    );
    expect(result.issues[3]?.message).toBe(
      "is not a known key: check the spelling against the README",
    );
  });

  it("reports invalid YAML with its line, and the report label it could still read", () => {
    const result = parseConfigText("labels:\n  report: incident\ntypes: [a, b\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.key).toBe("");
    expect(result.issues[0]?.message).toMatch(/^is not valid YAML: .* at line \d+, column \d+$/);
    expect(result.reportLabel).toBe("disruption");
  });

  it("says what the report label is when only another key is wrong", () => {
    const result = parseConfigText("labels:\n  report: incident\ntimeZone: 7\n");
    expect(result).toMatchObject({ ok: false, reportLabel: "incident" });
  });

  it("refuses a file that is not a mapping", () => {
    expect(parseConfigText("- a\n- b\n")).toMatchObject({
      ok: false,
      issues: [{ key: "", message: expect.stringContaining("YAML mapping") }],
    });
  });

  it("refuses an alias bomb quickly, with what to write instead, rather than failing the delivery", () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let level = 1; level < 9; level += 1) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    const result = parseConfigText(lines.join("\n"));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toEqual({
      ok: false,
      reportLabel: "disruption",
      issues: [
        {
          key: "",
          message: expect.stringMatching(/aliases .* more than 100 times.*write the values out/),
        },
      ],
    });
  });

  it("refuses a file longer than any config, saying how long it is", () => {
    expect(parseConfigText(`timeZone: UTC\n${"#".repeat(70_000)}`)).toEqual({
      ok: false,
      reportLabel: "disruption",
      issues: [
        {
          key: "",
          message: expect.stringContaining("is 70,014 characters long, more than the 65,536"),
        },
      ],
    });
  });
});
