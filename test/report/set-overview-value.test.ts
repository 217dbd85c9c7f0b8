import { describe, expect, it } from "vitest";
import { setOverviewValue } from "../../src/report/set-overview-value.js";

const table = (rows: string[]) =>
  `## Overview\n\n| Field | Value |\n| --- | --- |\n${rows.join("\n")}\n\n## Summary\n\nx\n`;

describe("setOverviewValue", () => {
  it("replaces only the value cell of the field's row", () => {
    const body = table(["| Severity | **SEV3** |", "| Mitigated |  |", "| Resolved | later |"]);
    expect(setOverviewValue(body, "mitigated", "2026-11-20 14:40 UTC")).toBe(
      table([
        "| Severity | **SEV3** |",
        "| Mitigated | 2026-11-20 14:40 UTC |",
        "| Resolved | later |",
      ]),
    );
  });
  it("adds a missing row after the fields listed before it", () => {
    const body = table([
      "| Services | api |",
      "| Detected | 2026-11-20 14:12 UTC |",
      "| Length | 1 h |",
    ]);
    expect(setOverviewValue(body, "acknowledged", "2026-11-20 14:15 UTC")).toBe(
      table([
        "| Services | api |",
        "| Detected | 2026-11-20 14:12 UTC |",
        "| Acknowledged | 2026-11-20 14:15 UTC |",
        "| Length | 1 h |",
      ]),
    );
  });
  it("sets every row of a field written twice, and escapes pipes", () => {
    const body = table(["| Services | api |", "| Service | web |"]);
    expect(setOverviewValue(body, "services", "a|b")).toBe(
      table(["| Services | a\\|b |", "| Service | a\\|b |"]),
    );
  });
  it("adds a row to a table inside a quote with the quote's markers, before or after a row", () => {
    const quoted = (rows: string[]) =>
      `## Overview\n\n> | Field | Value |\n> | --- | --- |\n${rows.map((row) => `> ${row}`).join("\n")}\n\n## Summary\n\nx\n`;
    expect(
      setOverviewValue(quoted(["| Severity | SEV2 |"]), "resolved", "2026-11-20 15:00 UTC"),
    ).toBe(quoted(["| Severity | SEV2 |", "| Resolved | 2026-11-20 15:00 UTC |"]));
    expect(setOverviewValue(quoted(["| Severity | SEV2 |"]), "services", "api")).toBe(
      quoted(["| Services | api |", "| Severity | SEV2 |"]),
    );
  });
  it("gives null for a body without the Overview table", () => {
    expect(setOverviewValue("just text", "type", "Network")).toBeNull();
  });
});
