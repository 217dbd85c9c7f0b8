/** Where the local GitHub lives: its REST base (API `url` fields) and the web base (`html_url`). */
export interface Urls {
  /** The server's own address, e.g. `http://127.0.0.1:40123`, so that API URLs can be followed. */
  api: string;
  /** The web address issues link to, `https://github.com` unless told otherwise. */
  html: string;
}

/** A path segment as GitHub puts it in a URL. */
export function segment(text: string): string {
  return encodeURIComponent(text);
}

/** A node id in GitHub's style: a type prefix and an opaque base64 part. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`${prefix}:${id}`).toString("base64url")}`;
}
