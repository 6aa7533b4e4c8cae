/** Batch screening from spreadsheets: the templates, reading an upload, writing its results. */
export { COLUMNS, columnLetter, type Column } from "./columns.js";
export { csvTemplate, xlsxTemplate, CSV_DATA_ROW, XLSX_DATA_ROW } from "./template.js";
export { checkUpload, screenRows, screenUpload, UPLOAD_DEFAULTS, type Progress, type ScreenedRow, type UploadLimits, type UploadOutcome, type UploadRequest, type UploadSummary } from "./screenUpload.js";
export { UploadError, type UploadProblem } from "./uploadError.js";
export { rowErrorText, type RowError } from "./rowErrors.js";
export { countedAmount, RESULT_PATHS, resultRow } from "./resultRow.js";
export { defuse } from "./defuse.js";
export type { SheetFormat } from "./sheetRows.js";
