import { describe, expect, it } from "vitest";
import { personWords, redactSentence } from "../../src/templates/redact-sentence.js";

const context = (names: string[]) => ({
  people: personWords(names),
  hosts: ["corp.acme.internal"],
});

describe("redactSentence", () => {
  it.each([
    ["Dana Reyes rolled back the deploy.", ["Dana Reyes"], "A responder rolled back the deploy."],
    ["Paged DANA at 10:05.", ["Dana Reyes"], "Paged a responder at 10:05."],
    ["Danaher Corp was not involved.", ["Dana Reyes"], "Danaher Corp was not involved."],
    [
      "@mkowalski saw it on grafana.corp.acme.internal.",
      [],
      "A responder saw it on an internal system.",
    ],
  ])("%s → %s", (sentence, names, text) => {
    expect(redactSentence(sentence, context(names)).text).toBe(text);
  });

  it("takes out a name too long for a regular expression, in any case, only where it stands alone", () => {
    // V8 cannot compile an expression of a 16,000-character literal: such a name is searched for.
    const name = "*a".repeat(8_000);
    const sentence = `Seen by ${name.toUpperCase()} and by x${name}, then by ${name}.`;
    const started = performance.now();
    const redacted = redactSentence(sentence, context([name]));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(redacted).toEqual({
      text: `Seen by a responder and by x${name}, then by a responder.`,
      namedPerson: true,
    });
  });
});
