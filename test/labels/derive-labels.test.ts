import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../src/config/config.js";
import { deriveLabels, isManagedLabel } from "../../src/labels/derive-labels.js";
import { parseReport } from "../../src/report/parse-report.js";

const body = (services: string) =>
  `### Affected services\n\n${services}\n\n### Disruption type\n\nThird party\n\n### Severity\n\nsev-4`;

describe("deriveLabels", () => {
  it("gives the report, type, severity and service labels in lower case", () => {
    expect(deriveLabels(parseReport(body("API, Payments")), DEFAULT_CONFIG)).toEqual([
      "disruption",
      "type: third party",
      "severity: sev4",
      "service: api",
      "service: payments",
    ]);
  });

  it("shortens a service label over GitHub's 50 characters visibly instead of dropping it", () => {
    const long = "customer-notification-delivery-pipeline-eu-west-1-blue";
    const labels = deriveLabels(parseReport(body(long)), DEFAULT_CONFIG);
    expect(labels.at(-1)).toBe("service: customer-notification-delivery-pipeline-…");
    expect([...(labels.at(-1) ?? "")]).toHaveLength(50);
  });

  it("follows the configured prefixes and leaves service labels out when asked", () => {
    const config = configSchema.parse({
      labels: { report: "incident", typePrefix: "kind/", severityPrefix: "", serviceLabels: false },
    });
    expect(deriveLabels(parseReport(body("api")), config)).toEqual([
      "incident",
      "kind/third party",
      "sev4",
    ]);
    expect(isManagedLabel("kind/network", config)).toBe(true);
    expect(isManagedLabel("service: api", config)).toBe(false);
  });
});
