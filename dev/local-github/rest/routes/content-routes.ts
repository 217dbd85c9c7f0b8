import { createHash } from "node:crypto";
import { segment } from "../../representations/urls.js";
import { notFound } from "../../store/store-error.js";
import { visibleRepo } from "../request-helpers.js";
import type { Route } from "../route.js";

/** The git blob id of a text, as GitHub's `sha` of a file. */
function blobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Base64 in lines of 60 characters, as GitHub sends file content. */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text, "utf8").toString("base64");
  return `${encoded.match(/.{1,60}/g)?.join("\n") ?? ""}\n`;
}

/**
 * `GET /repos/{owner}/{repo}/contents/{path}`: a file of the default branch, raw
 * (`Accept: application/vnd.github.raw`, `text/plain; charset=utf-8`) or as `content-file` JSON,
 * with an `ETag`; `If-None-Match` with that ETag is answered `304 Not Modified`. Directories are
 * not modeled (404).
 */
export const CONTENT_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/contents/{path}",
    auth: "token",
    handle: (request) => {
      const repo = visibleRepo(request);
      const path = (request.params.path ?? "").replace(/^\/+/, "");
      const text = request.store.file(repo, path);
      if (text === undefined) throw notFound();
      const accept = String(request.headers.accept ?? "");
      const raw = /application\/vnd\.github(\.v3)?\.raw/.test(accept);
      const sha = blobSha(text);
      // An ETag per representation; a request that names it gets 304 with no body, as GitHub's
      // conditional requests do (and a 304 costs no rate limit there).
      const etag = `"${sha}${raw ? "-raw" : ""}"`;
      // GitHub's caching header on an authenticated answer: fresh for a minute.
      const headers = { etag, "cache-control": "private, max-age=60, s-maxage=60" };
      const ifNoneMatch = String(request.headers["if-none-match"] ?? "");
      if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))
        return { status: 304, headers };
      if (raw) return { status: 200, text, headers };
      const { urls } = request;
      const repoPath = `${segment(repo.owner)}/${segment(repo.name)}`;
      const encodedPath = path.split("/").map(segment).join("/");
      const url = `${urls.api}/repos/${repoPath}/contents/${encodedPath}?ref=${repo.defaultBranch}`;
      const gitUrl = `${urls.api}/repos/${repoPath}/git/blobs/${sha}`;
      const htmlUrl = `${urls.html}/${repoPath}/blob/${repo.defaultBranch}/${encodedPath}`;
      return {
        status: 200,
        headers,
        body: {
          type: "file",
          encoding: "base64",
          size: Buffer.byteLength(text, "utf8"),
          name: path.split("/").pop() ?? path,
          path,
          content: base64Lines(text),
          sha,
          url,
          git_url: gitUrl,
          html_url: htmlUrl,
          download_url: `https://raw.githubusercontent.com/${repoPath}/${repo.defaultBranch}/${encodedPath}`,
          _links: { self: url, git: gitUrl, html: htmlUrl },
        },
      };
    },
  },
];
