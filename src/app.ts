import type { ApplicationFunction, Probot } from "probot";
import { type AppDeps, createDeps } from "./app-deps.js";
import { handleIntake } from "./intake/handle-intake.js";

export interface AppOptions {
  /** The app's own sender login (`<slug>[bot]`). Default: asked of GitHub once (`GET /app`). */
  botLogin?: string;
}

/** Wires events to handlers; nothing else. */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const deps: AppDeps = createDeps(botLoginResolver(app, options.botLogin));
    app.on(["issues.opened", "issues.labeled", "issues.edited"], (context) =>
      handleIntake(context, deps),
    );
  };
}

/** Resolves the app's login once, lazily; null when the app runs with a plain token (no app identity). */
function botLoginResolver(app: Probot, given: string | undefined): () => Promise<string | null> {
  let login: Promise<string | null> | undefined;
  return () => {
    if (given !== undefined) return Promise.resolve(given);
    login ??= (async () => {
      try {
        const octokit = await app.auth();
        const { data } = await octokit.rest.apps.getAuthenticated();
        return data?.slug ? `${data.slug}[bot]` : null;
      } catch (error) {
        // A token that is not an app's cannot ask who the app is.
        if ([401, 403, 404].includes((error as { status?: number }).status ?? 0)) return null;
        login = undefined;
        throw error;
      }
    })();
    return login;
  };
}
