import { HttpError } from "./http-error.js";

/** `per_page` and `page` as GitHub reads them: 30 a page by default, 100 at most. */
export function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  const perPage = Number.parseInt(query.get("per_page") ?? "30", 10);
  const page = Number.parseInt(query.get("page") ?? "1", 10);
  return {
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : 30,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/**
 * One page of a list and its `Link` header (`prev`, `next`, `last`, `first` as GitHub writes
 * them). `base` is the absolute URL the links point at; the request's other query parameters are
 * kept.
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  base: string,
): { page: T[]; headers: Record<string, string> } {
  const { perPage, page } = pageParams(query);
  if (page * perPage > 100_000) throw new HttpError(422, "Pagination is limited to 100000 items");
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(target));
    return `<${base}?${params.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (page > 1) parts.push(`${link(1)}; rel="first"`);
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: parts.length > 0 ? { link: parts.join(", ") } : {},
  };
}
