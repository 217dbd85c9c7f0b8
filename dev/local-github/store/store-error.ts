/** One reason a write was refused, as GitHub lists it in a 422 answer. */
export interface ValidationErrorItem {
  resource: string;
  field: string;
  code: "missing_field" | "invalid" | "already_exists" | "custom";
  message?: string;
}

/**
 * A request GitHub would refuse: 404 (no such thing, or not visible to the caller), 410 (a deleted
 * issue) or 422 (validation failed, with GitHub's `errors` items).
 */
export class StoreError extends Error {
  readonly status: 404 | 410 | 422;
  readonly errors: ValidationErrorItem[];

  constructor(status: 404 | 410 | 422, message: string, errors: ValidationErrorItem[] = []) {
    super(message);
    this.name = "StoreError";
    this.status = status;
    this.errors = errors;
  }
}

/** 404 Not Found, GitHub's answer for anything missing or hidden. */
export function notFound(): StoreError {
  return new StoreError(404, "Not Found");
}

/** 410 Gone, GitHub's answer for a deleted issue. */
export function issueGone(): StoreError {
  return new StoreError(410, "This issue was deleted");
}

/** 422 Validation Failed with one reason. */
export function validationFailed(item: ValidationErrorItem): StoreError {
  return new StoreError(422, "Validation Failed", [item]);
}
