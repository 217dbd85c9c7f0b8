import { createHash } from "node:crypto";

const MARKER = /<!-- disruption-reports:action-item report=(\d+) item=([0-9a-f]{12}) -->/;

/**
 * The hidden line a tracked issue's body carries: which report and which item it tracks. It finds
 * an issue created by a run whose answer was lost (so a retry does not create it twice) and tells
 * the sync which report to update when the issue is closed or reopened.
 */
export function trackedMarker(report: number, key: string): string {
  return `<!-- disruption-reports:action-item report=${report} item=${key} -->`;
}

/** The report number and item key of a tracked issue's body, or null for any other body. */
export function readTrackedMarker(body: string | null | undefined): {
  report: number;
  key: string;
} | null {
  const match = body ? MARKER.exec(body) : null;
  return match ? { report: Number(match[1]), key: match[2] ?? "" } : null;
}

/**
 * A short stable key for an item of a report: its text, spaces collapsed, lower case, hashed.
 * Two items with the same text in one report are one item to track.
 */
export function itemKey(text: string): string {
  const normalized = text.replace(/\s+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(normalized).digest("hex").slice(0, 12);
}
