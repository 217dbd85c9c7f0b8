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

describe("a monitor's issue closed (template: upptime)", () => {
  const mapping = resolveTemplate("upptime");
  if (!mapping) throw new Error("no upptime preset");
  const opened = { title: "🛑 Checkout API is down", createdAt: "2026-10-14T09:12:08Z" };
  const options = { timeZone: "UTC", types: [], issue: { ...opened, closedAt: null } };
  const monitor = "Checkout API (https://api.example/health) was **down**:\n- HTTP code: 503\n";
  const filledAtOpen = fillTemplate(parseWithTemplate(monitor, mapping, options));
  const atClose = { ...options, issue: { ...opened, closedAt: "2026-10-14T09:47:31Z" } };

  it.each([
    ["\\n", filledAtOpen],
    ["\\r\\n, as GitHub's editor saves a body", filledAtOpen.replace(/\n/g, "\r\n")],
  ])("fills the empty Resolved row and the derived rows, lines ending in %s", (_, body) => {
    const closed = fillTemplate(parseWithTemplate(body, mapping, atClose));
    const eol = body.includes("\r\n") ? "\r\n" : "\n";
    const changed = closed.split(eol).filter((line, index) => line !== body.split(eol)[index]);
    expect(changed).toEqual([
      "| Resolved | 2026-10-14 09:47:31 UTC |",
      "| Length | 35 min |",
      "| Time to resolve | 35 min |",
    ]);
    expect(closed.split(eol)).toHaveLength(body.split(eol).length);
    expect(fillTemplate(parseWithTemplate(closed, mapping, atClose))).toBe(closed);
  });

  it("leaves a Resolved cell someone wrote in as it is", () => {
    const written = filledAtOpen.replace("| Resolved |  |", "| Resolved | see the status page |");
    const closed = fillTemplate(parseWithTemplate(written, mapping, atClose));
    expect(closed).toContain("| Resolved | see the status page |");
  });
});
