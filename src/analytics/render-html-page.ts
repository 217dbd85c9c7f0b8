import { micromark } from "micromark";
import { gfmTable, gfmTableHtml } from "micromark-extension-gfm-table";
import { monthlyReportTitle, type RenderOptions, reportBlocks } from "./render-monthly-report.js";
import { type Block, blockMarkdown } from "./sections/blocks.js";
import { svgChart, xml } from "./svg-charts.js";
import type { MonthlyResult } from "./types.js";

const STYLE = `body{font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:980px;margin:0 auto;padding:24px}
h1{font-size:28px;border-bottom:1px solid #d1d9e0;padding-bottom:8px}h2{font-size:22px;border-bottom:1px solid #d1d9e0;padding-bottom:6px;margin-top:32px}
table{border-collapse:collapse;margin:12px 0;font-variant-numeric:tabular-nums}th,td{border:1px solid #d1d9e0;padding:4px 10px}th{background:#f6f8fa}
details{margin:12px 0}summary{cursor:pointer}figure{margin:16px 0}.chart{max-width:100%;height:auto;background:#fff}
.chart-title{font-size:14px;font-weight:600}.tick{font-size:11px;fill:#59636e}.value{font-size:11px;fill:#1f2328}.legend{font-size:13px}.grid{stroke:#eaeef2}
code{background:#f6f8fa;padding:1px 4px;border-radius:4px}`;

/**
 * The report as one self-contained HTML page (`disruptions report --format html`): the same
 * sections as the issue, each chart drawn as inline SVG with its numbers written on it, the tables
 * beside them; no script, no stylesheet or font from elsewhere, so GitHub Pages (or any static
 * host) serves it as it is.
 */
export function renderHtmlPage(result: MonthlyResult, options: RenderOptions): string {
  const [, ...blocks] = reportBlocks(result, options);
  const markdown = blocks.map(htmlReady).join("\n\n");
  // The markdown is the app's own: user text in it is escaped (`markdown-text.ts`), so its HTML
  // (details, summaries, the SVG charts) is let through as written.
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfmTable()],
    htmlExtensions: [gfmTableHtml()],
  });
  const title = xml(monthlyReportTitle(result.figures.month));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}

/** A chart as an SVG figure (one line: an HTML block ends at a blank line), the rest as markdown. */
function htmlReady(block: Block): string {
  if (typeof block !== "string" && block.kind === "chart")
    return `<figure>${svgChart(block.spec)}</figure>`;
  return blockMarkdown(block);
}
