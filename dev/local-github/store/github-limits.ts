import {
  MAX_BODY_LENGTH,
  MAX_LABEL_DESCRIPTION_LENGTH,
  MAX_LABEL_NAME_LENGTH,
  MAX_TITLE_LENGTH,
} from "../../../src/limits/github-limits.js";
import { validationFailed } from "./store-error.js";

/** The colour GitHub gives a label it creates on the fly (set on an issue before it existed). */
export const DEFAULT_LABEL_COLOR = "ededed";

// GitHub's limits are named once, in the app (src/github/limits.ts); the local GitHub enforces them.
const MAX_BODY = MAX_BODY_LENGTH;
const MAX_TITLE = MAX_TITLE_LENGTH;
const MAX_LABEL_NAME = MAX_LABEL_NAME_LENGTH;
const MAX_LABEL_DESCRIPTION = MAX_LABEL_DESCRIPTION_LENGTH;

/** Characters as GitHub counts them (code points, not UTF-16 units). */
function length(text: string): number {
  return [...text].length;
}

/** A body GitHub would take, or a 422 `body is too long (maximum is 65536 characters)`. */
export function checkBody(resource: "Issue" | "IssueComment", body: unknown): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body !== "string")
    throw validationFailed({ resource, field: "body", code: "invalid" });
  if (length(body) > MAX_BODY)
    throw validationFailed({
      resource,
      field: "body",
      code: "custom",
      message: `body is too long (maximum is ${MAX_BODY} characters)`,
    });
  return body;
}

/** A title GitHub would take: present, a string, at most 256 characters. */
export function checkTitle(title: unknown): string {
  if (title === undefined || title === null || title === "")
    throw validationFailed({ resource: "Issue", field: "title", code: "missing_field" });
  if (typeof title !== "string" && typeof title !== "number")
    throw validationFailed({ resource: "Issue", field: "title", code: "invalid" });
  const text = String(title);
  if (length(text) > MAX_TITLE)
    throw validationFailed({
      resource: "Issue",
      field: "title",
      code: "custom",
      message: `title is too long (maximum is ${MAX_TITLE} characters)`,
    });
  return text;
}

/** A label name GitHub would take: present, at most 50 characters. */
export function checkLabelName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "")
    throw validationFailed({ resource: "Label", field: "name", code: "missing_field" });
  if (length(name) > MAX_LABEL_NAME)
    throw validationFailed({
      resource: "Label",
      field: "name",
      code: "custom",
      message: `name is too long (maximum is ${MAX_LABEL_NAME} characters)`,
    });
  return name;
}

/** Six hex digits without a leading `#`, as GitHub's documentation asks. */
export function checkLabelColor(color: unknown): string {
  const text = typeof color === "string" ? color : "";
  if (!/^[0-9a-fA-F]{6}$/.test(text))
    throw validationFailed({ resource: "Label", field: "color", code: "invalid" });
  return text.toLowerCase();
}

/** A label description of at most 100 characters, or null. */
export function checkLabelDescription(description: unknown): string | null {
  if (description === undefined || description === null) return null;
  if (typeof description !== "string")
    throw validationFailed({ resource: "Label", field: "description", code: "invalid" });
  if (length(description) > MAX_LABEL_DESCRIPTION)
    throw validationFailed({
      resource: "Label",
      field: "description",
      code: "custom",
      message: `description is too long (maximum is ${MAX_LABEL_DESCRIPTION} characters)`,
    });
  return description;
}
