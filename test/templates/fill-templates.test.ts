import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/templates/fill-template.js";
import { parseWithTemplate } from "../../src/templates/parse-with-template.js";
import { resolveTemplate } from "../../src/templates/template-config.js";
import { templateCases } from "./fixtures.js";

/** True when `filled` is `original` with one run of lines inserted: every original line in its place. */
function keepsEveryLine(original: string, filled: string): boolean {
  const before = original.split("\n");
  const after = filled.split("\n");
  let head = 0;
  while (head < before.length && before[head] === after[head]) head += 1;
  const rest = before.slice(head);
  return after.slice(after.length - rest.length).join("\n") === rest.join("\n");
}

describe.each(templateCases())("fill of preset fixture $name", ({ body, issue, config }) => {
  const mapping = resolveTemplate(config.template);
  if (!mapping) throw new Error("fixture without a template");
  const options = { timeZone: config.timeZone, types: config.types, issue };
  const filled = fillTemplate(parseWithTemplate(body, mapping, options));

  it("keeps every line of the original in its place and adds the Overview table", () => {
    expect(keepsEveryLine(body, filled)).toBe(true);
    expect(filled.length).toBeGreaterThan(body.length);
    expect(filled).toContain("| Field | Value |");
    expect(filled).toMatch(/\| Length \| /);
  });

  it("reads back as the same report, and a second fill changes nothing", () => {
    const again = parseWithTemplate(filled, mapping, options).parsed;
    expect(again.report).toEqual(parseWithTemplate(body, mapping, options).parsed.report);
    expect(fillTemplate(parseWithTemplate(filled, mapping, options))).toBe(filled);
  });
});
