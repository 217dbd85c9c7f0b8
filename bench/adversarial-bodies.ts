/**
 * Bodies of GitHub's maximum size built to find a reader's worst case: long runs of markdown
 * punctuation in a form answer or an Overview cell, deep nesting, unclosed constructs. Each was
 * seconds or minutes of CPU for a reader with a backtracking regular expression or a parse whose
 * cost grows faster than the body (issue 10).
 */
const LIMIT = 65_536;

function fill(head: string, piece: string, tail = ""): string {
  const room = LIMIT - head.length - tail.length;
  return head + piece.repeat(Math.floor(room / piece.length)) + tail;
}

function nestedTasks(): string {
  let body = "### Action items\n\n";
  for (let depth = 0; body.length < LIMIT; depth += 1) body += `${"  ".repeat(depth)}- [ ] x\n`;
  return body.slice(0, LIMIT);
}

export const ADVERSARIAL_BODIES: Record<string, string> = {
  "Severity answer of `*`": fill("### Severity\n\n", "*"),
  "Severity answer of `_` then a letter": fill("### Severity\n\n", "_", "x"),
  "Severity answer of `~`": fill("### Severity\n\n", "~", "x"),
  "Severity answer of `*_`": fill("### Severity\n\n", "*_", "x"),
  "Summary of backticks": fill("### Summary\n\n", "`"),
  "Summary of `[a](`": fill("### Summary\n\n", "[a]("),
  "Summary of `<`": fill("### Summary\n\n", "<"),
  "Summary of unclosed comments": fill("## Summary\n\n", "<!--a\n"),
  "task list nested to the limit": nestedTasks(),
  "32,000 nested quotes": fill("## Action items\n\n", "> ", "- [ ] x"),
  "nested ordered lists on one line": fill("## Action items\n\n", "1. ", "[ ] x"),
  "task item with spaces after `due`": fill("## Action items\n\n- [ ] due", " ", "x"),
  "heading of spaces": fill("# a", " ", "x"),
  "Overview row of pipes": fill(
    "## Overview\n\n| Field | Value |\n| --- | --- |\n| Severity | ",
    "|",
  ),
  "Overview cell of `*`": fill(
    "## Overview\n\n| Field | Value |\n| --- | --- |\n| Severity | ",
    "*",
    " |",
  ),
  "Overview header with spaces": fill("## Overview\n\n| field | value", " ", "|x"),
  "services, one a line": fill("### Affected services\n\n", "a\n"),
  // Tables GitHub ends inside what CommonMark reads as one paragraph or setext heading.
  "tables ended by indented lines": fill("## Overview\n\n", "|a|\n|-|\n    x\n"),
  "tables under `===` lines": fill("## Overview\n\n", "| a | b |\n| - | - |\n===\n"),
  "tables under `---` lines": fill("## Overview\n\n", "| a | b |\n| - | - |\nx\n---\n"),
  // Nothing but headings, or one flat task list with no Action items heading (read as a document).
  "32,768 empty headings": fill("", "#\n"),
  "16,384 `# a` headings": fill("", "# a\n"),
  "8,192 tasks, no heading": fill("", "- [ ] a\n"),
  "10,000 headings, each its own title": distinctHeadings(),
  // The same, with a line the line scanner is not sure of (HTML): read as a document.
  "32,767 empty headings, then HTML": fill("", "#\n", "<div>"),
  "8,191 tasks, then HTML": fill("", "- [ ] a\n", "<div>"),
  "8,191 tasks, then a quote": fill("", "- [ ] a\n", "> q"),
  // A line that continues the last item (the parser must read the list whole).
  "8,191 tasks, then a continuation line": fill("", "- [ ] a\n", "text"),
  // Items whose text opens with a tilde over two lines: each asks whether it is struck through.
  "4,000 items of `~a` then `~ b`": fill("## Action items\n\n", "- [ ] ~a\n  ~ b\n"),
  "4,000 items of `~a` then `` `b~ ``": fill("## Action items\n\n", "- [ ] ~a\n  `b~\n"),
  "4,000 items of `~a` then `*b~`": fill("## Action items\n\n", "- [ ] ~a\n  *b~\n"),
  // HTML openers inside a region an earlier opener may hold (each was a walk to the region's end).
  "10,922 `<?` lines, then as many `?>`": `${"<?\n".repeat(10_922)}${"?>\n".repeat(10_921)}# h`,
  "7,280 `<!--` lines, then as many `-->`": `${"<!--\n".repeat(7_280)}${"-->\n".repeat(7_280)}# h`,
};

/** `# h0`, `# h1`, …: each heading an unknown section of its own. */
function distinctHeadings(): string {
  let body = "";
  for (let i = 0; body.length < LIMIT; i += 1) body += `# h${i}\n`;
  return body.slice(0, LIMIT);
}
