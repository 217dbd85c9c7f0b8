import type { MetaField, Severity } from "../report/types.js";
import type { MappedSection, TemplateMapping } from "./template-mapping.js";

/** The presets `template: NAME` selects (README, "Bring your own template"). */
export const PRESET_NAMES = [
  "upptime",
  "pagerduty-postmortem",
  "retrospective",
  "blameless-postmortem",
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Severity words most templates use, on the scale of docs/definitions.md. */
const SEVERITY_WORDS: Record<string, Severity> = {
  p1: "SEV1",
  p2: "SEV2",
  p3: "SEV3",
  p4: "SEV4",
  p5: "SEV5",
  critical: "SEV1",
  major: "SEV2",
  high: "SEV2",
  medium: "SEV3",
  moderate: "SEV3",
  minor: "SEV3",
  low: "SEV4",
  info: "SEV5",
  informational: "SEV5",
};

/** Names every template is read with, after its own. */
const COMMON_FIELDS: Partial<Record<MetaField, string[]>> = {
  services: ["Services", "Service", "Affected services", "Services impacted", "Impacted services"],
  type: ["Type", "Disruption type", "Incident type", "Category"],
  severity: ["Severity", "Sev", "Priority", "Incident severity"],
  started: ["Started", "Started at", "Start", "Start time", "Impact start", "Began"],
  detected: ["Detected", "Detected at", "Detection time"],
  acknowledged: ["Acknowledged", "Acknowledged at"],
  mitigated: ["Mitigated", "Mitigated at"],
  resolved: ["Resolved", "Resolved at", "End time", "Ended", "Impact end"],
  peopleInvolved: ["People involved", "Participants", "Responders"],
  incidentCommander: ["Incident commander", "Incident leader", "IC"],
  customerImpact: ["Customer impact"],
};

const COMMON_SECTIONS: Partial<Record<MappedSection, string[]>> = {
  Summary: ["Summary", "Description", "Overview", "Introduction"],
  Timeline: ["Timeline"],
  "Contributing factors": ["Contributing factors", "Root cause", "Root causes", "The five whys"],
  "What went well": ["What went well"],
  "What went poorly": ["What went poorly", "What went wrong"],
  Lessons: ["Lessons", "Lessons learned", "Key learnings"],
  "Action items": ["Action items", "Actions", "Corrective actions", "Follow-ups"],
  "Supporting documentation": ["Supporting documentation", "Links"],
};

const PEOPLE_KEYS = [
  "People involved",
  "Participants",
  "Responders",
  "Incident commander",
  "Incident leader",
  "IC",
  "Scribe",
  "Communication lead",
  "Resolution lead",
  "Postmortem owner",
  "Others",
  "Engineering",
  "Product management",
  "Product marketing",
];

function preset(
  name: string,
  own: {
    fields?: Partial<Record<MetaField, string[]>>;
    sections?: Partial<Record<MappedSection, string[]>>;
  } & Partial<Omit<TemplateMapping, "name" | "fields" | "sections">>,
): TemplateMapping {
  const fields: Partial<Record<MetaField, string[]>> = {};
  for (const [field, names] of Object.entries(COMMON_FIELDS))
    fields[field as MetaField] = [...(own.fields?.[field as MetaField] ?? []), ...(names ?? [])];
  const sections: Partial<Record<MappedSection, string[]>> = {};
  for (const [section, names] of Object.entries(COMMON_SECTIONS))
    sections[section as MappedSection] = [
      ...(own.sections?.[section as MappedSection] ?? []),
      ...(names ?? []),
    ];
  return {
    name,
    dateKeys: ["Date", "Incident date"],
    peopleKeys: PEOPLE_KEYS,
    severityWords: SEVERITY_WORDS,
    defaults: {},
    timelineTimes: true,
    severityInSummary: false,
    ...own,
    fields,
    sections,
  };
}

/**
 * Each preset, and `custom` (a mapping written from scratch starts from the common names).
 * `upptime`: Upptime opens `🛑 <Site> is down` (or `⚠️ <Site> has degraded performance`),
 * labelled `status` and the site's slug, and closes it when the site is back up.
 * `pagerduty-postmortem`: PagerDuty's postmortem template (response.pagerduty.com).
 * `retrospective`: Introduction, Timeline, The five whys, Actions (immediate and long term).
 * `blameless-postmortem`: Summary, Impact, Root cause / Contributing factors, Resolution
 * (How did we fix it?), Timeline, Corrective actions, What went well / poorly.
 */
export const PRESETS: Record<PresetName | "custom", TemplateMapping> = {
  custom: preset("custom", {}),
  upptime: preset("upptime", {
    defaults: { severity: "SEV2", type: "Infrastructure" },
    timelineTimes: false,
    issue: {
      title: /^(?:🛑\s*(.+?) is down|⚠️\s*(.+?) has degraded performance)\s*$/u,
      reportLabel: "status",
    },
  }),
  "pagerduty-postmortem": preset("pagerduty-postmortem", {
    fields: {
      started: ["Impact Start Time"],
      resolved: ["Impact End Time"],
      incidentCommander: ["Who was the IC"],
    },
    sections: {
      "Contributing factors": ["Contributing Factors", "Root Causes", "What Happened"],
      "What went poorly": ["What Didn't Go So Well"],
    },
    severityInSummary: true,
  }),
  retrospective: preset("retrospective", {
    sections: { "Action items": ["Immediate actions", "Long term actions", "Long-term actions"] },
  }),
  "blameless-postmortem": preset("blameless-postmortem", {
    fields: { customerImpact: ["Impact", "Customer impact"] },
    sections: {
      "Contributing factors": ["Contributing factors", "Root cause"],
      "Action items": ["Corrective actions", "Countermeasures"],
    },
  }),
};
