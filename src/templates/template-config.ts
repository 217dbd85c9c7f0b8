import { z } from "zod";
import { SEVERITIES, type Severity } from "../report/types.js";
import { PRESET_NAMES, PRESETS } from "./presets.js";
import type { MappedSection, TemplateMapping } from "./template-mapping.js";

const keys = z.array(z.string().trim().min(1).max(80)).max(20);
const severity = z.enum(SEVERITIES);
const presetName = z.enum(PRESET_NAMES);

const fieldsSchema = z
  .object({
    services: keys,
    type: keys,
    severity: keys,
    started: keys,
    detected: keys,
    acknowledged: keys,
    mitigated: keys,
    resolved: keys,
    peopleInvolved: keys,
    incidentCommander: keys,
    customerImpact: keys,
  })
  .partial()
  .strict();

const sectionsSchema = z
  .object({
    summary: keys,
    timeline: keys,
    contributingFactors: keys,
    whatWentWell: keys,
    whatWentPoorly: keys,
    lessons: keys,
    actionItems: keys,
    supportingDocumentation: keys,
  })
  .partial()
  .strict();

/**
 * `template` in `.github/disruption-reports.yml`: a preset's name, or a mapping of the team's own
 * headings and `Key: value` lines to the report's fields (README, "Bring your own template").
 */
export const templateSchema = z
  .union([
    presetName,
    z
      .object({
        preset: presetName.optional(),
        fields: fieldsSchema.optional(),
        sections: sectionsSchema.optional(),
        severityWords: z.record(z.string().trim().min(1).max(40), severity).optional(),
        defaults: z
          .object({
            severity: severity.optional(),
            type: z.string().min(1).max(40).optional(),
            services: z.array(z.string().min(1).max(100)).max(20).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ])
  .nullable()
  .default(null);

export type TemplateSetting = z.infer<typeof templateSchema>;

const SECTION_KEYS: Record<keyof z.infer<typeof sectionsSchema>, MappedSection> = {
  summary: "Summary",
  timeline: "Timeline",
  contributingFactors: "Contributing factors",
  whatWentWell: "What went well",
  whatWentPoorly: "What went poorly",
  lessons: "Lessons",
  actionItems: "Action items",
  supportingDocumentation: "Supporting documentation",
};

/**
 * The mapping a `template` setting stands for: its preset (if any) with the team's own names added
 * in front of the preset's (a name the team wrote is tried first), or null without a template.
 */
export function resolveTemplate(setting: TemplateSetting): TemplateMapping | null {
  if (setting === null) return null;
  if (typeof setting === "string") return PRESETS[setting];
  const base = setting.preset ? PRESETS[setting.preset] : PRESETS.custom;
  const fields = { ...base.fields };
  for (const [field, names] of Object.entries(setting.fields ?? {}))
    fields[field as keyof typeof fields] = [
      ...(names ?? []),
      ...(base.fields[field as keyof typeof fields] ?? []),
    ];
  const sections = { ...base.sections };
  for (const [key, names] of Object.entries(setting.sections ?? {})) {
    const name = SECTION_KEYS[key as keyof typeof SECTION_KEYS];
    sections[name] = [...(names ?? []), ...(base.sections[name] ?? [])];
  }
  const severityWords: Record<string, Severity> = { ...base.severityWords };
  for (const [word, level] of Object.entries(setting.severityWords ?? {}))
    severityWords[word.toLowerCase()] = level;
  return {
    ...base,
    name: setting.preset ?? "custom",
    fields,
    sections,
    severityWords,
    defaults: { ...base.defaults, ...setting.defaults },
  };
}
