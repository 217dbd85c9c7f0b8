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
 * // { text: "a responder saw it on an internal system.", namedPerson: true }
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
  for (const pattern of personPatterns(context.people)) {
    text = text.replace(pattern, () => {
      namedPerson = true;
      return PERSON_STAND_IN;
    });
  }
  if (text.startsWith(PERSON_STAND_IN) && !sentence.startsWith(PERSON_STAND_IN))
    text = `A${text.slice(1)}`;
  return { text, namedPerson };
}

/**
 * The expression that finds each person word, built once per list: a summary redacts every
 * sentence with the same list, and building them per sentence made a long name cost a
 * sentence's worth of work for each sentence (`replace` starts a global expression at 0).
 */
const patternsOf = new WeakMap<readonly string[], RegExp[]>();

function personPatterns(words: readonly string[]): RegExp[] {
  let patterns = patternsOf.get(words);
  if (!patterns) {
    patterns = words.map(
      (word) => new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, "giu"),
    );
    patternsOf.set(words, patterns);
  }
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
