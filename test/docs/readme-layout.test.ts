import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Heading, Root, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString as textOf } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** The rows of the tables under README's "### Layout", as GitHub renders them: [paths, text]. */
function layoutRows(): { paths: string[]; text: string }[] {
  const tree: Root = fromMarkdown(readFileSync(join(ROOT, "README.md"), "utf8"), {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const start = tree.children.findIndex(
    (node) => node.type === "heading" && textOf(node) === "Layout",
  );
  const depth = (tree.children[start] as Heading).depth;
  const end = tree.children.findIndex(
    (node, index) => index > start && node.type === "heading" && node.depth <= depth,
  );
  const tables = tree.children
    .slice(start, end === -1 ? undefined : end)
    .filter((node): node is Table => node.type === "table");
  return tables.flatMap((table) =>
    table.children.slice(1).map((row) => {
      const [first, second] = row.children;
      const paths = (first?.children ?? [])
        .filter((node) => node.type === "inlineCode")
        .map((node) => node.value);
      return { paths, text: second ? textOf(second) : "" };
    }),
  );
}

/** The file names a row's text points at (`plan-commands.ts`), in code spans. */
function namedFiles(row: { text: string }): string[] {
  return [...row.text.matchAll(/\b([a-z0-9-]+\.ts)\b/g)].map((match) => match[1] ?? "");
}

describe("README's layout tables", () => {
  const rows = layoutRows();

  it("name every folder and file at the top of src/, each once", () => {
    const listed = rows
      .flatMap((row) => row.paths)
      .filter((path) => path.startsWith("src/"))
      .map((path) => path.replace(/^src\//, "").replace(/\/$/, ""));
    const actual = readdirSync(join(ROOT, "src"));
    expect([...listed].sort()).toEqual([...actual].sort());
  });

  it("name only paths that exist", () => {
    const missing = rows
      .flatMap((row) => row.paths)
      .filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it("point at files that are in the row's folder", () => {
    const misplaced = rows.flatMap((row) => {
      const folders = row.paths.filter((path) => path.endsWith("/"));
      if (folders.length === 0) return [];
      return namedFiles(row)
        .filter((file) => !folders.some((folder) => existsSync(join(ROOT, folder, file))))
        .map((file) => `${file} (row ${row.paths.join(", ")})`);
    });
    expect(misplaced).toEqual([]);
  });
});
