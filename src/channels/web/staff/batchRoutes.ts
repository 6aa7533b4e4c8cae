import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { todayInBeijing } from "../../../clock.js";
import type { ConversationDeps } from "../../../conversation/index.js";
import { csvTemplate, xlsxTemplate, type SheetFormat } from "../../../spreadsheet/index.js";
import type { AuditLog, StaffConfig } from "../../../staff/index.js";
import { langFromAcceptLanguage } from "../acceptLanguage.js";
import { problem } from "../problems.js";
import { BatchJobs, type BatchJob } from "./batchJobs.js";
import { receiveUpload } from "./receiveUpload.js";
import { refuse } from "./refusals.js";
import type { StaffEnv } from "./staffEnv.js";

const MEDIA: Record<SheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface BatchRoutes {
  app: Hono<StaffEnv>;
  jobs: BatchJobs;
}

/** The batch templates, uploads screened as jobs, their progress and results. */
export function batchRoutes(deps: ConversationDeps, audit: AuditLog, upload: StaffConfig["upload"]): BatchRoutes {
  const app = new Hono<StaffEnv>();
  const jobs = new BatchJobs({
    rules: deps.interview.rules,
    limits: upload,
    onFinished: (job, outcome) =>
      audit.append({
        action: "batch_upload",
        name: job.owner,
        fileName: job.fileName,
        format: job.format,
        rows: outcome.ok ? outcome.summary.rows : 0,
        screened: outcome.ok ? outcome.summary.screened : 0,
        rowsWithErrors: outcome.ok ? outcome.summary.rowsWithErrors : 0,
      }),
  });

  // Made once: the template depends on the columns only.
  const xlsx = xlsxTemplate();
  const csv = csvTemplate();
  app.get("/template.xlsx", async (c) => c.body(new Uint8Array(await xlsx), 200, { "content-type": MEDIA.xlsx, "content-disposition": 'attachment; filename="screening-template.xlsx"' }));
  app.get("/template.csv", (c) => c.body(csv, 200, { "content-type": MEDIA.csv, "content-disposition": 'attachment; filename="screening-template.csv"' }));

  const limit = bodyLimit({ maxSize: upload.maxBytes, onError: (c) => problem(c, 413, [{ path: "(body)", message: `the file must be at most ${upload.maxBytes} bytes (STAFF_UPLOAD_MAX_BYTES)` }]) });
  app.post("/batch", limit, async (c) => {
    const dir = await jobs.reserve();
    if (dir === null) return problem(c, 503, [{ path: "(server)", message: "other uploads are being screened; try again in a minute" }], { "retry-after": "30" });
    let received;
    try {
      received = await receiveUpload(c, dir, upload.maxBytes);
    } catch (error) {
      await jobs.release(dir);
      throw error;
    }
    if (!received.ok) {
      await jobs.release(dir);
      return received.response;
    }
    const lang = langFromAcceptLanguage(c.req.header("accept-language"));
    const job = jobs.start(c.get("staff").name, dir, received.file, received.format, received.fileName, lang, todayInBeijing(deps.clock()));
    return c.json({ jobId: job.id }, 202);
  });

  const jobOf = (c: Context<StaffEnv>): BatchJob | null => jobs.get(c.req.param("jobId") ?? "", c.get("staff").name);
  const noJob = (c: Context) => problem(c, 404, [{ path: "jobId", message: "no such upload (results are kept for an hour, and only for the account that uploaded)" }]);

  app.get("/batch/:jobId", (c) => {
    const job = jobOf(c);
    return job ? c.json(job.view) : noJob(c);
  });

  const result = (format: SheetFormat) => async (c: Context<StaffEnv>) => {
    const job = jobOf(c);
    if (!job) return noJob(c);
    if (job.view.state !== "done") return refuse(c, 409, "jobId", job.view.state === "failed" ? "the upload was refused: see its errors" : "still screening: ask again when state is done");
    const file = await jobs.result(job, format);
    if (file === null) return refuse(c, 409, "jobId", "the results could not be written");
    const name = `${job.fileName.replace(/\.(xlsx|csv)$/i, "").replace(/[^\p{L}\p{N}._-]/gu, "_")}-results.${format}`;
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      status: 200,
      headers: { "content-type": MEDIA[format], "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
    });
  };
  app.get("/batch/:jobId/result.xlsx", result("xlsx"));
  app.get("/batch/:jobId/result.csv", result("csv"));

  return { app, jobs };
}
