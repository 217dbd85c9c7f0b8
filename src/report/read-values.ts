import { type CustomerImpact, SEVERITIES, type Severity } from "./types.js";

/** Markdown emphasis or code around a whole value (`**SEV2**`, `` `api` ``) is not part of it. */
export function stripInlineMarkup(text: string): string {
  return text
    .trim()
    .replace(/^([*_`~]+)(.*?)\1$/s, "$2")
    .trim();
}

/**
 * A list typed as commas, lines or a markdown list: `api, web` or `- api\n- web`.
 * Order is kept; repeats (any case) are dropped.
 */
export function readList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const piece of splitOutsideBrackets(text)) {
    const item = stripInlineMarkup(piece.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
    if (item === "" || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

/** Splits on commas, semicolons and line breaks, but not inside brackets: `checkout (eu-west-1, eu-central-1)` is one item. */
function splitOutsideBrackets(text: string): string[] {
  // Brackets that do not pair up are not grouping anything: split everywhere then.
  if (!bracketsBalanced(text)) return text.split(/[,;\n]/);
  const pieces: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(" || char === "[") depth += 1;
    else if (char === ")" || char === "]") depth -= 1;
    if (char === "\n" || (depth === 0 && (char === "," || char === ";"))) {
      pieces.push(current);
      current = "";
    } else current += char;
  }
  pieces.push(current);
  return pieces;
}

function bracketsBalanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if (char === "(" || char === "[") open.push(char);
    else if (char === ")" || char === "]") {
      if (open.pop() !== (char === ")" ? "(" : "[")) return false;
    } else if (char === "\n" && open.length > 0) return false;
  }
  return open.length === 0;
}

/** `SEV2`, `sev-2`, `Sev 2`, `SEV2 — major functionality broken`. */
export function readSeverity(text: string): Severity | null {
  const match = /^sev[\s_-]*([1-5])(?![0-9])/i.exec(stripInlineMarkup(text));
  return match ? (SEVERITIES[Number(match[1]) - 1] ?? null) : null;
}

/** One of the configured types, matched case-insensitively; returns the configured spelling. */
export function readType(text: string, types: readonly string[]): string | null {
  const wanted = stripInlineMarkup(text).toLowerCase();
  return types.find((type) => type.toLowerCase() === wanted) ?? null;
}

export function readCustomerImpact(text: string): CustomerImpact | null {
  const match = /^(yes|no|unknown)\b/i.exec(stripInlineMarkup(text));
  return match ? ((match[1] ?? "").toLowerCase() as CustomerImpact) : null;
}
