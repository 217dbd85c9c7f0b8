import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readIssueEntry } from "../../src/analytics/read-issues-json.js";
import type { Config } from "../../src/config/config.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";
import type { IssueFacts } from "../../src/templates/read-template-fields.js";

/**
 * Golden folders of the presets: `test/fixtures/templates/<case>/` holds the body (`issue.md`,
 * or `issue.json`: the issue as the REST API or `gh issue view --json` gives it, for a template
 * whose fields live in the issue itself), `template.yml` (the repository config) and
 * `expected.json` (what a person reading the body finds: services, severity, type and times).
 */
export const TEMPLATE_FIXTURES = join(import.meta.dirname, "../fixtures/templates");

export interface TemplateCase {
  name: string;
  body: string;
  issue: IssueFacts | undefined;
  config: Config;
  /** The file the CLI reads for this case. */
  file: string;
  expected: {
    services: string[];
    severity: string | null;
    type: string | null;
    started: string | null;
    detected: string | null;
    resolved: string | null;
  };
}

export function templateCases(): TemplateCase[] {
  return readdirSync(TEMPLATE_FIXTURES)
    .sort()
    .map((name) => {
      const dir = join(TEMPLATE_FIXTURES, name);
      const configResult = parseConfigText(readFileSync(join(dir, "template.yml"), "utf8"));
      if (!configResult.ok) throw new Error(`${name}: ${JSON.stringify(configResult.issues)}`);
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
      const jsonFile = join(dir, "issue.json");
      if (existsSync(jsonFile)) {
        const read = readIssueEntry(JSON.parse(readFileSync(jsonFile, "utf8")), 0);
        if ("error" in read || !read.issue) throw new Error(`${name}: not an issue`);
        const { title, createdAt, closedAt, body } = read.issue;
        return {
          name,
          body,
          issue: { title, createdAt, closedAt },
          config: configResult.config,
          file: jsonFile,
          expected,
        };
      }
      const file = join(dir, "issue.md");
      return {
        name,
        body: readFileSync(file, "utf8"),
        issue: undefined,
        config: configResult.config,
        file,
        expected,
      };
    });
}
