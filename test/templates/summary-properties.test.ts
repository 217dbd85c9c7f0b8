import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseReport } from "../../src/report/parse-report.js";
import { parseWithTemplate } from "../../src/templates/parse-with-template.js";
import { PRESETS } from "../../src/templates/presets.js";
import { renderExternalSummary } from "../../src/templates/render-external-summary.js";

/** Words the summary writes itself, or the fixed text around the generated parts: no name is one of them. */
const OWN_WORDS = new Set(
  `disruption summary services severity duration customer impact proximate cause countermeasures
  responder internal system name left done major functionality broken stated ongoing unknown
  the checkout was slow after deploy because pool ran out and fix alert link see dashboard with
  overview what happened contributing factors action items timeline scribe others owner`
    .split(/\s+/)
    .filter((word) => word !== ""),
);

const namePart = fc
  .stringMatching(/^[A-Z][a-z]{3,8}$/)
  .filter((part) => !OWN_WORDS.has(part.toLowerCase()));
const person = fc.tuple(namePart, namePart).map(([first, last]) => ({ first, last }));
const handle = fc
  .stringMatching(/^[a-z][a-z0-9]{2,8}(?:-[a-z0-9]{1,4})?$/)
  .filter((text) => !OWN_WORDS.has(text));
const host = fc
  .tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom("internal", "corp", "lan"))
  .map(([label, tld]) => `${label}.${tld}`);

interface World {
  people: { first: string; last: string }[];
  handles: string[];
  hosts: string[];
}

const world: fc.Arbitrary<World> = fc.record({
  people: fc.array(person, { minLength: 1, maxLength: 3 }),
  handles: fc.array(handle, { minLength: 1, maxLength: 3 }),
  hosts: fc.array(host, { minLength: 1, maxLength: 2 }),
});

/** A sentence that mentions people, handles and internal hosts in the ways people write them. */
function sentence(w: World): fc.Arbitrary<string> {
  const p = fc.constantFrom(...w.people);
  const h = fc.constantFrom(...w.handles);
  const s = fc.constantFrom(...w.hosts);
  const piece = fc.oneof(
    fc.constantFrom("the checkout was slow", "after the deploy", "because the pool ran out", "and"),
    p.map((x) => `${x.first} ${x.last}`),
    p.map((x) => x.first),
    p.map((x) => `**${x.last}**`),
    p.map((x) => `${x.first.toUpperCase()}'s`),
    h.map((x) => `@${x}`),
    h.map((x) => `(@${x})`),
    s.map((x) => `https://${x}/d/1`),
    fc.tuple(fc.stringMatching(/^[a-z]{2,6}$/), s).map(([sub, x]) => `${sub}.${x}`),
    s.map((x) => `[see the dashboard](https://grafana.${x}/d/2)`),
    s.map((x) => `\`${x.toUpperCase()}\``),
  );
  return fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `${parts.join(" ")}.`);
}

function canonicalBody(w: World, text: string[]): string {
  const names = w.people.map((x) => `${x.first} ${x.last}`);
  return `## Overview

| Field | Value |
| --- | --- |
| Services | checkout |
| Severity | SEV2 |
| Started | 2026-10-01 10:00 UTC |
| Detected | 2026-10-01 10:05 UTC |
| Resolved | 2026-10-01 11:00 UTC |
| People involved | ${names.join(", ")}, @${w.handles[0]} |
| Incident commander | ${names[0]} |

## Summary

${text[0]} ${text[1]}

## Timeline

| Time | Party | Event | Effect |
| --- | --- | --- | --- |
| 2026-10-01 10:05 UTC | @${w.handles[0]} | TIMELINEROW paged | neutral |

## Contributing factors

${text[2]}

## Action items

- [ ] ${text[3]} @${w.handles[0]} (due 2026-10-20)
`;
}

function pagerdutyBody(w: World, text: string[]): string {
  const [ic, scribe] = [w.people[0], w.people[1] ?? w.people[0]];
  return `**Postmortem Owner:** ${ic?.first} ${ic?.last}

## Overview
${text[0]} A SEV-2 for ${text[1]}

## Contributing Factors
${text[2]}

## Responders

* IC: ${ic?.first} ${ic?.last} (@${w.handles[0]})
* Scribe: ${scribe?.first} ${scribe?.last}
* Others: ${[...w.people.slice(2).map((x) => `${x.first} ${x.last}`), ...w.handles.map((x) => `@${x}`)].join(", ")}

## Timeline

| Time (UTC) | Event | Data Link |
| ---------- | ----- | --------- |
| 2026-10-01 10:00 | TIMELINEROW impact began | |

## Action Items

- [ ] ${text[3]}
`;
}

function assertClean(summary: string, w: World): void {
  expect(summary).not.toMatch(/(?<![\w.])@[A-Za-z0-9]/);
  expect(summary).not.toContain("@&#8203;");
  expect(summary).not.toContain("TIMELINEROW");
  const lower = summary.toLowerCase();
  for (const x of w.hosts) expect(lower).not.toContain(x);
  for (const { first, last } of w.people)
    for (const word of [first, last])
      expect(summary).not.toMatch(
        new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, "iu"),
      );
}

const texts = (w: World) => fc.array(sentence(w), { minLength: 4, maxLength: 4 });

describe("external summary", () => {
  it("holds no @handle, no People or role name, no internal host and no timeline row (the app's own report)", () => {
    fc.assert(
      fc.property(
        world.chain((w) => texts(w).map((t) => [w, t] as const)),
        ([w, t]) => {
          const parsed = parseReport(canonicalBody(w, t), { types: DEFAULT_CONFIG.types });
          assertClean(renderExternalSummary(parsed, { people: [], internalHosts: w.hosts }), w);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("holds none of them either for a report in PagerDuty's template", () => {
    fc.assert(
      fc.property(
        world.chain((w) => texts(w).map((t) => [w, t] as const)),
        ([w, t]) => {
          const { parsed, reading } = parseWithTemplate(
            pagerdutyBody(w, t),
            PRESETS["pagerduty-postmortem"],
            {
              types: DEFAULT_CONFIG.types,
            },
          );
          assertClean(
            renderExternalSummary(parsed, { people: reading.people, internalHosts: w.hosts }),
            w,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
