import { describe, expect, it } from "vitest";
import { fillReport } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";
import { updateDerivedRows } from "../../src/report/update-derived-rows.js";
import { formBody } from "../fixtures/form-body.js";

const form = formBody({
  "Affected services": "api",
  "Disruption type": "Deployment",
  Severity: "SEV3",
  "Started at": "2026-11-20 14:05",
  "Detected at": "2026-11-20 14:20",
  Summary: "Search was slow.",
});

function update(body: string) {
  return updateDerivedRows(body, parseReport(body));
}

describe("updateDerivedRows", () => {
  it("changes nothing in a body whose derived rows are true", () => {
    const filled = fillReport(form);
    expect(update(filled)).toEqual({ body: filled, changed: [] });
  });

  it("rewrites only the value cells of the rows that changed, in a CRLF body with the author's spacing", () => {
    const filled = fillReport(form)
      .replace("| Resolved |  |", "|Resolved|2026-11-20 15:20 UTC|")
      .replace("| Length |  |", "|  Length  |   |")
      .replace(/\n/g, "\r\n");
    const result = update(filled);
    expect(result?.changed).toEqual(["Length", "Time to resolve"]);
    expect(result?.body).toBe(
      filled
        .replace("|  Length  |   |", "|  Length  | 1 h 15 min |")
        .replace("| Time to resolve |  |", "| Time to resolve | 1 h |"),
    );
  });

  it("adds a derived row the author deleted at the end of the table", () => {
    const filled = fillReport(form).replace("| Time to detect | 15 min |\n", "");
    const result = update(filled);
    expect(result?.changed).toEqual(["Time to detect"]);
    expect(result?.body).toBe(
      filled.replace(
        "| Action items | none yet |",
        "| Action items | none yet |\n| Time to detect | 15 min |",
      ),
    );
  });

  it("keeps the author's text around a table with escaped pipes", () => {
    const filled = fillReport(form)
      .replace("| Services | api |", "| Services | api \\| search |")
      .replace("| Time to detect | 15 min |", "| Time to detect | 2 h |");
    const result = update(filled);
    expect(result?.body).toBe(
      filled.replace("| Time to detect | 2 h |", "| Time to detect | 15 min |"),
    );
  });

  it("completes a derived row left with only its name, and converges", () => {
    const filled = fillReport(form).replace("| Time to detect | 15 min |", "| Time to detect");
    const result = update(filled);
    expect(result?.body).toBe(
      filled.replace("| Time to detect\n", "| Time to detect | 15 min |\n"),
    );
    expect(update(result?.body ?? "")?.changed).toEqual([]);
  });

  it("returns null for a body without an Overview table", () => {
    expect(update(form)).toBeNull();
  });
});
