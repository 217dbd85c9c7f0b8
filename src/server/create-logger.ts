import { getTransformStream } from "@probot/pino";
import { type DestinationStream, type Logger, pino } from "pino";

/**
 * The error serializer of the app's log: Pino's, without what a person wrote. `@octokit/webhooks`
 * attaches the whole delivery (`event.payload`) to every handler error, and a failed request
 * carries its body: a report's text would land in the log. The delivery id and event name stay.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return strip(serialized);
}

function strip(serialized: Record<string, unknown>): Record<string, unknown> {
  const { event, request, response, errors, aggregateErrors, ...rest } = serialized as {
    event?: { id?: unknown; name?: unknown };
    request?: { method?: unknown; url?: unknown };
    response?: { status?: unknown; url?: unknown };
    errors?: unknown;
    aggregateErrors?: unknown;
  } & Record<string, unknown>;
  return {
    ...rest,
    ...(event ? { event: { id: event.id, name: event.name } } : {}),
    ...(request ? { request: { method: request.method, url: request.url } } : {}),
    ...(response ? { response: { status: response.status, url: response.url } } : {}),
    ...(Array.isArray(aggregateErrors)
      ? { aggregateErrors: aggregateErrors.map((each) => strip(each as Record<string, unknown>)) }
      : {}),
  };
}

export interface LoggerOptions {
  level?: string | undefined;
  /** `json` (one object a line) or `pretty`; Probot's `LOG_FORMAT`. */
  format?: "json" | "pretty" | undefined;
  logLevelInString?: boolean | undefined;
  sentryDsn?: string | undefined;
}

/** The server's log, as Probot makes its own (`@probot/pino`), with `serializeError`. */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: options.format,
    logLevelInString: options.logLevelInString,
    sentryDsn: options.sentryDsn,
  });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return loggerTo(transform, options.level);
}

/** A log with the app's serializers writing JSON lines to `destination` (tests, benchmarks). */
export function loggerTo(destination: DestinationStream, level = "info"): Logger {
  return pino({ level, name: "probot", serializers: { err: serializeError } }, destination);
}
