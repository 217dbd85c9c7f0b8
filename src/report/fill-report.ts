import { MAX_BODY_LENGTH } from "../limits/github-limits.js";
import { fillInPlace } from "./fill-in-place.js";
import { type ParseOptions, parseReport } from "./parse-report.js";
import { type Additions, renderFormReport } from "./render-form-report.js";
import type { ParsedReport, Problem } from "./types.js";

export interface FillOptions {
  /**
   * Append the report's sections a body not written with the form lacks (config
   * `fill.appendMissingSections`, default true). Form bodies always get every section.
   */
  appendMissingSections?: boolean;
}

/** A filled body, or why the body stays as written. */
export interface FillResult {
  /** The filled body; the body as written when even the smallest fill would not fit. */
  body: string;
  /** Set when the fill did not fit GitHub's limit as a whole: what was left out, for the problems comment. */
  problem: Problem | null;
}

/**
 * The filled report for a body in any shape (see `renderFilled`), within GitHub's body limit.
 * `parseReport(fillReport(body)).report` equals `parseReport(body).report`.
 */
export function fillReport(body: string, options: ParseOptions & FillOptions = {}): string {
  return renderFilled(parseReport(body, options), options);
}

/** `fillWithinLimit(parsed).body`. */
export function renderFilled(parsed: ParsedReport, options: FillOptions = {}): string {
  return fillWithinLimit(parsed, options).body;
}

/**
 * Fills an already parsed report. A body written with the issue form becomes the canonical report
 * (answers into the Overview table and sections); any other body keeps every line where the author
 * put it, with the Overview table added and missing sections appended (see `fillInPlace`).
 * When the result would pass GitHub's 65,536 characters, the app's hints go first, then the empty
 * sections it adds; when even that does not fit, the body stays as written and `problem` says so.
 * The author's text is never cut.
 */
export function fillWithinLimit(parsed: ParsedReport, options: FillOptions = {}): FillResult {
  const append = options.appendMissingSections ?? true;
  const render = (additions: Additions): string =>
    parsed.shape === "form" ? renderFormReport(parsed, additions) : fillInPlace(parsed, additions);
  const tries: Additions[] = [
    { hints: true, emptySections: parsed.shape === "form" || append },
    { hints: false, emptySections: parsed.shape === "form" || append },
    { hints: false, emptySections: false },
  ];
  let length = 0;
  for (const additions of tries) {
    const body = render(additions);
    if (body.length <= MAX_BODY_LENGTH) return { body, problem: null };
    length ||= body.length;
  }
  return { body: parsed.layout.body, problem: tooLong(length) };
}

function tooLong(length: number): Problem {
  return {
    field: "body",
    message: `The filled report would be ${length.toLocaleString("en-US")} characters, over GitHub's limit of ${MAX_BODY_LENGTH.toLocaleString("en-US")}, so the body was left as written. Move long logs or timelines into a comment or a linked file.`,
  };
}
