/**
 * Values people wrote, made safe to quote in what the app writes (comments, replies, the analytics
 * issue): whatever backticks, markup or HTML they hold, they notify nobody and render as text.
 * Every quoted value goes through this module (README, "Nothing the app writes notifies anyone").
 */

/**
 * `@` that GitHub would read as a mention: followed by a letter or digit, and not preceded by one
 * (`ops@example.com` is an address, not a mention).
 */
const MENTION = /(?<![A-Za-z0-9])@(?=[A-Za-z0-9])/g;

/** A zero-width space after `@`: the text still reads `@alice`, but GitHub notifies nobody. */
const QUIET_AT = "@&#8203;";

/**
 * A value as inline code that the value cannot close: the fence is one backtick longer than the
 * longest run of backticks in it, padded with a space when it starts or ends with a backtick.
 * One line (a line break would end a list item), clipped to `max` characters. Inside code a
 * mention notifies nobody and HTML shows as written.
 *
 * @example codeSpan("Other ` @acme/everyone `") // "`` Other ` @acme/everyone ` ``"
 */
export function codeSpan(value: string, max = 200): string {
  const text = clip(value.replace(/\s+/g, " ").trim(), max);
  if (text === "") return "` `";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A value as plain text on one line: no markup (`\ ` * _ ~ [ ] |` escaped), no HTML or entity
 * (`<` and `&` written as entities), mentions quieted, clipped to `max` characters.
 *
 * @example plainText("DB | down <img src=x> cc @alice") // "DB \\| down &lt;img src=x&gt; cc @&#8203;alice"
 */
export function plainText(value: string, max = 200): string {
  return clip(value.replace(/\s+/g, " ").trim(), max)
    .replace(/[\\`*_~[\]|]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MENTION, QUIET_AT);
}

/**
 * Markdown someone wrote (an action item), kept as markdown on one line but made safe: code spans
 * (found as GFM pairs them: a run of backticks closed by a run of the same length) stay as written
 * with pipes escaped; outside them, pipes are escaped, `<` and `&` become entities (no HTML, no
 * entity that decodes to `@`), and mentions are quieted.
 *
 * @example inlineMarkdown("@org/sre fix `a | b`") // "@&#8203;org/sre fix `a \\| b`"
 */
export function inlineMarkdown(value: string, max = 200): string {
  const text = clip(value.replace(/\s+/g, " ").trim(), max);
  let out = "";
  let plain = "";
  const flush = () => {
    out += plain
      .replace(/\|/g, "\\|")
      .replace(/&(?!#96;)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(MENTION, QUIET_AT);
    plain = "";
  };
  let at = 0;
  while (at < text.length) {
    if (text[at] !== "`") {
      plain += text[at];
      at += 1;
      continue;
    }
    let end = at;
    while (text[end] === "`") end += 1;
    const run = end - at;
    const close = findRun(text, end, run);
    // A run that opens no code span (or follows a backslash) is written as entities, so it cannot
    // pair with a backtick the app writes after it.
    if (close < 0 || (at > 0 && text[at - 1] === "\\")) {
      plain += "&#96;".repeat(run);
      at = end;
      continue;
    }
    flush();
    out += text.slice(at, close + run).replace(/\|/g, "\\|");
    at = close + run;
  }
  flush();
  return out;
}

/**
 * A block quote of text someone wrote (a close reason): each line quoted and made plain text, so
 * nothing in it can end the quote, open HTML, or notify anyone.
 */
export function quoteBlock(value: string, max = 1000): string {
  const lines = clip(value.trim(), max).split(/\r\n?|\n/);
  return lines.map((line) => `> ${plainText(line, max)}`.trimEnd()).join("\n");
}

/** Where the next run of exactly `length` backticks starts at or after `from`, or -1. */
function findRun(text: string, from: number, length: number): number {
  let at = from;
  while (at < text.length) {
    if (text[at] !== "`") {
      at += 1;
      continue;
    }
    let end = at;
    while (text[end] === "`") end += 1;
    if (end - at === length) return at;
    at = end;
  }
  return -1;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
