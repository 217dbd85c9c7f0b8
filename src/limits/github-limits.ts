/**
 * GitHub's limits that the app's writes must respect, each named once. GitHub answers 422 to a
 * write over any of them.
 */

/** Characters an issue or comment body may hold. */
export const MAX_BODY_LENGTH = 65_536;

/** Characters a label name may hold. */
export const MAX_LABEL_NAME_LENGTH = 50;

/** Characters a label description may hold. */
export const MAX_LABEL_DESCRIPTION_LENGTH = 100;

/** Labels one issue may carry. */
export const MAX_LABELS_PER_ISSUE = 100;

/** Characters an issue title may hold. */
export const MAX_TITLE_LENGTH = 256;

/** The largest page the REST and GraphQL APIs return (`per_page`, `first`). */
export const MAX_PAGE_SIZE = 100;
