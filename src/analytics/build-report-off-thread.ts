import { Worker } from "node:worker_threads";
import type { ReportJob, ReportOutput } from "./build-report.js";

/** An analytics run that failed in its worker thread: the error's name and message, kept. */
class ReportWorkerError extends Error {
  override name: string;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

type Answer = { ok: true; output: ReportOutput } | { ok: false; name: string; message: string };

let worker: Worker | null = null;
/** Jobs run one after the other: each waits for the one before it. */
let last: Promise<unknown> = Promise.resolve();

/**
 * {@link buildReport} in the analytics worker thread, so that parsing 10,000 bodies does not hold
 * the webhook server's event loop: deliveries keep their answer times while a report computes
 * (README, "Monthly analytics"). One worker, started on the first job and kept (it does not keep
 * the process alive between jobs); jobs queue. A worker that fails is replaced on the next job.
 */
export function buildReportOffThread(job: ReportJob): Promise<ReportOutput> {
  const run = last.then(
    () => runJob(job),
    () => runJob(job),
  );
  last = run.catch(() => undefined);
  return run;
}

function runJob(job: ReportJob): Promise<ReportOutput> {
  const current = worker ?? startWorker();
  worker = current;
  current.ref();
  return new Promise<ReportOutput>((resolve, reject) => {
    const fail = (error: Error): void => {
      current.off("message", answered);
      if (worker === current) worker = null;
      void current.terminate();
      reject(error);
    };
    const failed = (error: Error): void => fail(error);
    const exited = (code: number): void =>
      fail(new ReportWorkerError("ReportWorkerExit", `the analytics worker exited with ${code}`));
    const answered = (answer: Answer): void => {
      current.off("error", failed);
      current.off("exit", exited);
      current.unref();
      if (answer.ok) resolve(answer.output);
      else reject(new ReportWorkerError(answer.name, answer.message));
    };
    current.once("message", answered);
    current.once("error", failed);
    current.once("exit", exited);
    current.postMessage(job);
  });
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./report-worker.js", import.meta.url));
  // Run from the sources (tests, tsx): register tsx's loader in the worker, then load the entry.
  const entry = new URL("./report-worker.ts", import.meta.url).href;
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}
