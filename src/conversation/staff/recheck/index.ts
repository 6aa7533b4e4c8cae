/** Re-checking stored screenings under new rules: the CLI and the staff console share it. */
export { recheckOne, recheckScreenings, type ItemChange, type ItemState, type RecheckChange, type RecheckReport } from "./recheck.js";
export { RECHECK_CSV_HEADER, recheckCsvLines, recheckTable } from "./recheckReport.js";
