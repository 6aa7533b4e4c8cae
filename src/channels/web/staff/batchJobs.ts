import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang } from "../../../i18n/lang.js";
import type { CompiledRules } from "../../../rules/loadRules.js";
import { screenUpload, UploadError, type RowError, type SheetFormat, type UploadLimits, type UploadOutcome } from "../../../spreadsheet/index.js";

/** Uploads screened at once: each fills a core while it runs, and the machine serves applicants too. */
export const MAX_RUNNING = 2;
/** Jobs remembered (running or done); past it, the oldest finished one and its files go. */
const MAX_KEPT = 20;
/** A finished job's results can be downloaded this long. */
const KEPT_MS = 60 * 60_000;

export type JobState = "checking" | "screening" | "done" | "failed";

/** A problem of the upload as the page lists it: a cell's (row and column), or the whole file's. */
export type JobError = RowError | { path: string; message: string };

export interface JobView {
  state: JobState;
  done: number;
  total: number;
  errors: JobError[];
  rows: number;
  screened: number;
  rowsWithErrors: number;
}

export interface BatchJob {
  id: string;
  /** The staff account that uploaded it: nobody else sees it. */
  owner: string;
  fileName: string;
  format: SheetFormat;
  dir: string;
  upload: string;
  lang: Lang;
  /** The date rows without asOf are screened for, fixed at upload so that the CSV made later is the same. */
  today: string;
  view: JobView;
  finishedAt: number | null;
  /** Result files made so far, by format (the XLSX at once, the CSV on first request). */
  results: Map<SheetFormat, Promise<string | null>>;
}

export interface BatchJobsOptions {
  rules: CompiledRules;
  limits: UploadLimits;
  now?: () => number;
  /** Told when a job has finished (the audit event). */
  onFinished: (job: BatchJob, outcome: UploadOutcome) => Promise<void>;
}

/**
 * Batch screening jobs in memory: at most MAX_RUNNING at once, each in its own temporary folder
 * (the upload and its results), removed when the job is forgotten or the server stops.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, BatchJob>();
  private readonly now: () => number;
  /** Uploads being received: they count as running, so two requests at once cannot both pass the limit. */
  private receiving = 0;

  constructor(private readonly options: BatchJobsOptions) {
    this.now = options.now ?? Date.now;
  }

  get running(): number {
    return this.receiving + [...this.jobs.values()].filter((job) => job.finishedAt === null).length;
  }

  /** A folder for an upload that is about to be received; null when MAX_RUNNING jobs run. Then start() or release(). */
  async reserve(): Promise<string | null> {
    if (this.running >= MAX_RUNNING) return null;
    this.receiving += 1;
    try {
      await this.forgetOld();
      return await mkdtemp(join(tmpdir(), "staff-batch-"));
    } catch (error) {
      this.receiving -= 1;
      throw error;
    }
  }

  /** An upload that was not received after all (too large, cut off). */
  async release(dir: string): Promise<void> {
    this.receiving -= 1;
    await rm(dir, { recursive: true, force: true });
  }

  /** Starts screening an upload received into `dir` (from reserve). */
  start(owner: string, dir: string, upload: string, format: SheetFormat, fileName: string, lang: Lang, today: string): BatchJob {
    const job: BatchJob = {
      id: randomBytes(16).toString("base64url"),
      owner,
      fileName,
      format,
      dir,
      upload,
      lang,
      today,
      view: { state: "checking", done: 0, total: 0, errors: [], rows: 0, screened: 0, rowsWithErrors: 0 },
      finishedAt: null,
      results: new Map(),
    };
    this.receiving -= 1;
    this.jobs.set(job.id, job);
    const xlsx = this.screen(job, "xlsx", true);
    job.results.set("xlsx", xlsx);
    void xlsx.finally(() => (job.finishedAt = this.now()));
    return job;
  }

  /** The job, if `owner` made it. */
  get(id: string, owner: string): BatchJob | null {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : null;
  }

  /** The results file of a finished job in a format, made on first request; null if the job failed. */
  result(job: BatchJob, format: SheetFormat): Promise<string | null> {
    let made = job.results.get(format);
    if (!made) {
      made = this.screen(job, format, false);
      job.results.set(format, made);
    }
    return made;
  }

  async close(): Promise<void> {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    await Promise.all(jobs.map(async (job) => {
      await Promise.allSettled(job.results.values());
      await rm(job.dir, { recursive: true, force: true });
    }));
  }

  private async screen(job: BatchJob, format: SheetFormat, report: boolean): Promise<string | null> {
    const output = join(job.dir, `result.${format}`);
    let outcome: UploadOutcome;
    try {
      outcome = await screenUpload({
        file: job.upload,
        format: job.format,
        output: { file: output, format },
        rules: this.options.rules,
        today: job.today,
        lang: job.lang,
        limits: this.options.limits,
        onProgress: report ? (p) => Object.assign(job.view, { state: p.phase, done: p.rowsDone, total: p.rowsTotal ?? 0 }) : undefined,
      });
    } catch (error) {
      outcome = { ok: false, error: new UploadError("unreadable", `the file could not be screened (${error instanceof Error ? error.message : String(error)})`) };
    }
    if (!report) return outcome.ok ? output : null;
    if (outcome.ok) {
      const { rows, screened, rowsWithErrors, errors } = outcome.summary;
      job.view = { state: "done", done: rows, total: rows, errors, rows, screened, rowsWithErrors };
    } else {
      job.view = { ...job.view, state: "failed", errors: [{ path: "(file)", message: outcome.error.message }, ...outcome.error.errors].slice(0, 100) };
    }
    await this.options.onFinished(job, outcome);
    return outcome.ok ? output : null;
  }

  private async forgetOld(): Promise<void> {
    const now = this.now();
    const finished = [...this.jobs.values()].filter((job) => job.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    const excess = Math.max(0, this.jobs.size - MAX_KEPT + 1);
    const gone = finished.filter((job, i) => i < excess || now - job.finishedAt! >= KEPT_MS);
    for (const job of gone) {
      this.jobs.delete(job.id);
      await Promise.allSettled(job.results.values());
      await rm(job.dir, { recursive: true, force: true });
    }
  }
}
