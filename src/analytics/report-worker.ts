import { parentPort } from "node:worker_threads";
import { buildReport, type ReportJob } from "./build-report.js";

/**
 * The analytics worker thread (see `buildReportOffThread`): each job in, its output (or the
 * error's name and message) out, one at a time.
 */
parentPort?.on("message", (job: ReportJob) => {
  try {
    parentPort?.postMessage({ ok: true, output: buildReport(job) });
  } catch (error) {
    const { name, message } = error as Error;
    parentPort?.postMessage({ ok: false, name, message });
  }
});
