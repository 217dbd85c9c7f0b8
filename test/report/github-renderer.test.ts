import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { metaFieldNamed, sectionNamed } from "../../src/report/field-names.js";
import { parseReport } from "../../src/report/parse-report.js";
import { stripInlineMarkup } from "../../src/report/read-values.js";

/**
 * The golden folders' bodies rendered by cmark-gfm (GitHub's GFM renderer, Debian's `cmark-gfm`
 * package; `.ci/run` installs it): the Overview rows and the action items the app reads must be
 * the ones GitHub shows. The Overview table is the first table after a top-level `Overview`
 * heading; the action items are the checkboxes in the scope of a top-level action-items heading
 * (up to the next heading of the same or a higher level), or every checkbox when there is none
 * (none in a form-shaped body, where checkboxes are answers).
 */
const root = join(import.meta.dirname, "../fixtures/bodies");
const cases = readdirSync(root).sort();

function render(markdown: string): string {
  const result = spawnSync("cmark-gfm", ["-e", "table", "-e", "tasklist"], {
    input: markdown,
    encoding: "utf8",
  });
  if (result.error)
    throw new Error(`cmark-gfm is needed (apt-get install cmark-gfm): ${result.error.message}`);
  return (
    result.stdout
      // GitHub shows task items inside a quote as checkboxes; Debian's cmark-gfm leaves them as
      // text. They are counted as GitHub shows them.
      .replace(
        /<li>(<p>)?\[([ xX])\] /g,
        (_all, p: string | undefined, mark: string) =>
          `<li>${p ?? ""}<input type="checkbox"${mark === " " ? "" : ' checked=""'} disabled="" /> `,
      )
  );
}

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

interface Shown {
  /** Overview rows that name a field: the field and the cell's text. */
  overview: [string, string][];
  /** The checked state of each checkbox under an action-items heading (or of every one). */
  scoped: boolean[];
  all: boolean[];
  hasActionHeading: boolean;
}

/** What GitHub shows of a rendered body, read from its HTML in order. */
function shown(html: string): Shown {
  const token =
    /<(\/?)(blockquote|table)\b[^>]*>|<h([1-6])>([\s\S]*?)<\/h\3>|<input type="checkbox"( checked="")?[^>]*>|<tr>([\s\S]*?)<\/tr>/g;
  let quotes = 0;
  let scope: number | null = null;
  let overviewLevel: number | null = null;
  let table: "before" | "inside" | "done" = "before";
  const result: Shown = { overview: [], scoped: [], all: [], hasActionHeading: false };
  for (const match of html.matchAll(token)) {
    const [, close, tag, level, title, checked, row] = match;
    if (tag === "blockquote") quotes += close ? -1 : 1;
    else if (tag === "table" && overviewLevel !== null && table !== "done")
      table = close ? "done" : "inside";
    else if (level && quotes === 0) {
      const depth = Number(level);
      if (scope !== null && depth <= scope) scope = null;
      if (overviewLevel !== null && depth <= overviewLevel && table === "before")
        overviewLevel = null;
      const name = sectionNamed(text(title ?? ""));
      if (name === "Action items" && scope === null) {
        scope = depth;
        result.hasActionHeading = true;
      }
      if (name === "Overview" && table === "before") overviewLevel = depth;
    } else if (match[0].startsWith("<input")) {
      result.all.push(checked !== undefined);
      if (scope !== null) result.scoped.push(checked !== undefined);
    } else if (row !== undefined && table === "inside") {
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
        text(cell[1] ?? ""),
      );
      const field = metaFieldNamed(cells[0] ?? "");
      if (field) result.overview.push([field, cells[1] ?? ""]);
    }
  }
  return result;
}

describe.each(cases)("body %s as GitHub shows it", (name) => {
  const body = readFileSync(join(root, name, "issue.md"), "utf8");

  it("reads the Overview rows and the action items GitHub shows", () => {
    const seen = shown(render(body));
    const parsed = parseReport(body);
    const fromHeadings = new Set(
      parsed.layout.blocks.flatMap((block) => (block.kind === "meta" ? [block.field] : [])),
    );
    const read = Object.entries(parsed.rawMeta)
      .filter(([field]) => !fromHeadings.has(field as never))
      .map(([field, raw]) => [field, text(stripInlineMarkup(raw ?? "").replace(/\n/g, " "))]);
    const onGitHub = seen.overview.map(([field, value]) => [field, value]);
    expect(read).toEqual(onGitHub.filter(([field]) => !fromHeadings.has(field as never)));
    const expected = seen.hasActionHeading ? seen.scoped : parsed.shape === "form" ? [] : seen.all;
    expect(parsed.actionItems.map((item) => item.checked)).toEqual(expected);
  });
});
