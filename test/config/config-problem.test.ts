import { describe, expect, it } from "vitest";
import { describeConfigProblem } from "../../src/config/config-problem.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";

describe("describeConfigProblem", () => {
  it("names the file and every key that is wrong, in one line", () => {
    const parsed = parseConfigText("timeZone: Mars/Olympus\nlabels:\n  reprot: x\n");
    if (parsed.ok) throw new Error("expected a problem");
    expect(
      describeConfigProblem({
        source: "acme/ops:.github/disruption-reports.yml",
        issues: parsed.issues,
      }),
    ).toBe(
      "`acme/ops:.github/disruption-reports.yml` is not valid: timeZone is not an IANA time zone name (for example UTC or Europe/Berlin); labels.reprot is not a known key: check the spelling against the README",
    );
  });

  it("says `the file` for a problem with the whole file", () => {
    expect(
      describeConfigProblem({
        source: "f.yml",
        issues: [{ key: "", message: "must be a YAML mapping" }],
      }),
    ).toBe("`f.yml` is not valid: the file must be a YAML mapping");
  });
});
