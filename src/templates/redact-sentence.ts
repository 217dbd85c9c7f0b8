/** What stands in for a person the external summary does not name. */
const PERSON_STAND_IN = "a responder";
/** What stands in for a link or name of an internal system. */
const HOST_STAND_IN = "an internal system";

const HANDLE =
  /(?<![\p{L}\p{N}_.-])@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?/gu;
const URL = /\b[a-z][a-z0-9+.-]{0,20}:\/\/[^\s<>()\]]+/gi;
const HOST_LIKE = /(?<![\p{L}\p{N}_.-])(?:[a-z0-9-]+\.)+[a-z0-9-]+(?![\p{L}\p{N}_-])/giu;

/** One sentence made fit for the public, and whether it named a person. */
export interface RedactedSentence {
  text: string;
  namedPerson: boolean;
}

/**
 * The people a report names, as the words to take out of its public summary: each name as
 * written, and each part of a name of three letters or more (`Dana Reyes` gives `Dana Reyes`,
 * `Dana`, `Reyes`), longest first. Handles are taken out wherever they appear.
 */
export function personWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    const clean = name
      .replace(/@[\w/.-]+/g, " ")
      .replace(/[()[\]<>,;:"]/g, " ")
      .trim();
    if (clean.length >= 3) words.add(clean);
    for (const part of clean.split(/\s+/)) if (part.length >= 3) words.add(part);
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * A sentence without @handles, people's names (replaced by "a responder") or any link to or
 * mention of an internal host or one of its subdomains (replaced by "an internal system").
 *
 * @example
 * redactSentence("@mkowalski saw it on grafana.corp.acme.internal.", { people: [], hosts: ["corp.acme.internal"] })
 * // { text: "A responder saw it on an internal system.", namedPerson: true }
 */
export function redactSentence(
  sentence: string,
  context: { people: readonly string[]; hosts: readonly string[] },
): RedactedSentence {
  const internal = (host: string) =>
    context.hosts.some((listed) => host === listed || host.endsWith(`.${listed}`));
  let text = sentence.replace(URL, (url) => {
    const host = /^[a-z][a-z0-9+.-]{0,20}:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i
      .exec(url)?.[1]
      ?.toLowerCase();
    return host && internal(host) ? HOST_STAND_IN : url;
  });
  text = text.replace(HOST_LIKE, (host) => (internal(host.toLowerCase()) ? HOST_STAND_IN : host));
  let namedPerson = false;
  text = text.replace(HANDLE, () => {
    namedPerson = true;
    return PERSON_STAND_IN;
  });
  for (const find of personFinders(context.people)) {
    text = find(text, () => {
      namedPerson = true;
      return PERSON_STAND_IN;
    });
  }
  if (text.startsWith(PERSON_STAND_IN) && !sentence.startsWith(PERSON_STAND_IN))
    text = `A${text.slice(1)}`;
  return { text, namedPerson };
}

/** Replaces each place a person word stands alone in a text (any case) with what `stand` gives. */
type Finder = (text: string, stand: () => string) => string;

/**
 * Past this length a word is found by a literal search: V8 cannot compile an expression holding a
 * literal of some 16,000 characters ("Invalid regular expression: Stack overflow"), and a People
 * row may hold anything.
 */
const LONGEST_PATTERN = 1_000;

/**
 * The finder of each person word, built once per list: a summary redacts every sentence with the
 * same list, and building them per sentence made a long name cost a sentence's worth of work for
 * each sentence (`replace` starts a global expression at 0).
 */
const findersOf = new WeakMap<readonly string[], Finder[]>();

function personFinders(words: readonly string[]): Finder[] {
  let finders = findersOf.get(words);
  if (!finders) {
    finders = words.map(finderOf);
    findersOf.set(words, finders);
  }
  return finders;
}

function finderOf(word: string): Finder {
  if (word.length > LONGEST_PATTERN) return (text, stand) => replaceLiteral(text, word, stand);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, "giu");
  return (text, stand) => text.replace(pattern, stand);
}

const WORD_END = /[\p{L}\p{N}_]$/u;
const WORD_START = /^[\p{L}\p{N}_]/u;

/**
 * `word` replaced wherever it stands alone, found with `indexOf`: in any case where lower-casing
 * keeps the text's length (it does but for a few letters such as `İ`), else as written.
 */
function replaceLiteral(text: string, word: string, stand: () => string): string {
  const lower = text.toLowerCase();
  const needle = word.toLowerCase();
  const anyCase = lower.length === text.length && needle.length === word.length;
  const haystack = anyCase ? lower : text;
  const sought = anyCase ? needle : word;
  let result = "";
  let from = 0;
  for (let at = haystack.indexOf(sought); at !== -1; at = haystack.indexOf(sought, at + 1)) {
    const end = at + sought.length;
    if (at < from) continue;
    if (WORD_END.test(text.slice(Math.max(0, at - 2), at))) continue;
    if (WORD_START.test(text.slice(end, end + 2))) continue;
    result += text.slice(from, at) + stand();
    from = end;
  }
  return result + text.slice(from);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
