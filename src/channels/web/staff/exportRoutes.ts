import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { Hono, type Context } from "hono";
import type { ConversationDeps } from "../../../conversation/index.js";
import { EXPORT_HEADER, exportRows, type ExportRow } from "../../../conversation/staff/caseExport.js";
import type { CaseFilter } from "../../../conversation/staff/caseSearch.js";
import type { Logger } from "../../../log.js";
import type { AuditLog } from "../../../staff/index.js";
import { caseFilterOf } from "./caseRoutes.js";
import type { StaffEnv } from "./staffEnv.js";

type Format = "csv" | "xlsx";

const MEDIA: Record<Format, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The filter as the audit log keeps it: what was asked for, never what came out. */
const auditFilter = (f: CaseFilter) => ({ from: f.period.from, to: f.period.to, q: f.q ?? null, item: f.item ?? null, status: f.status ?? null });

/**
 * The filtered case list as CSV or XLSX, streamed as it is read from the store. The audit event
 * is written when the stream ends, with the number of rows that went out.
 */
export function exportRoutes(deps: ConversationDeps, audit: AuditLog, logger: Logger): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const route = (format: Format) => (c: Context<StaffEnv>) => {
    const query = caseFilterOf(c, deps);
    if (!query.ok) return query.response;
    const { filter } = query.value;
    const { name, clientIp } = c.get("staff");
    const counted = { rows: 0 };
    const out = new PassThrough();
    const rows = exportRows(deps.store, filter, counted);
    const audited = () => audit.append({ action: "export", name, ip: clientIp, format, filter: auditFilter(filter), rows: counted.rows });
    // The audit event is written before the download completes: a finished export is always in the log.
    (format === "csv" ? writeCsv(rows, out) : writeXlsx(rows, out))
      .then(async () => {
        await audited();
        out.end();
      })
      .catch(async (error: unknown) => {
        logger.warn("export stopped", { error: error instanceof Error ? error.name : typeof error });
        out.destroy(error instanceof Error ? error : new Error(String(error)));
        await audited().catch(() => logger.error("could not write the audit event of an export"));
      });
    const filename = `cases-${filter.period.from}-${filter.period.to}.${format}`;
    return new Response(Readable.toWeb(out) as ReadableStream, { status: 200, headers: { "content-type": MEDIA[format], "content-disposition": `attachment; filename="${filename}"` } });
  };
  app.get("/export.csv", route("csv"));
  app.get("/export.xlsx", route("xlsx"));
  return app;
}

/** With a BOM, so that Excel reads the UTF-8 names; `out` is left open for the caller to end. */
async function writeCsv(rows: AsyncIterable<ExportRow>, out: PassThrough): Promise<void> {
  out.write(`\uFEFF${EXPORT_HEADER.join(",")}\r\n`);
  for await (const row of rows) {
    if (out.destroyed) return;
    if (!out.write(`${row.csv}\r\n`)) await writable(out);
  }
}

/** The workbook writes into its own stream, which ends when the workbook is committed; `out` is left open for the caller to end. */
async function writeXlsx(rows: AsyncIterable<ExportRow>, out: PassThrough): Promise<void> {
  const inner = new PassThrough();
  inner.pipe(out, { end: false });
  const piped = new Promise((resolve) => inner.once("end", resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: inner, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("cases", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...EXPORT_HEADER]).commit();
  for await (const row of rows) {
    if (out.destroyed) return;
    sheet.addRow(row.cells).commit();
    if (inner.writableNeedDrain) await writable(inner);
  }
  sheet.commit();
  await workbook.commit();
  await piped;
}

/** Resolves when the stream takes more, or is closed (the download was cancelled). */
function writable(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.once("drain", done);
    out.once("close", done);
  });
}
