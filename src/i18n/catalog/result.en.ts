/** Words of the result summaries (screening CLI, chat result screen, report). */
export const resultEn = {
  "status.eligible": "eligible",
  "status.not_eligible": "not eligible",
  "status.needs_info": "needs information",
  "result.title": "Pre-screening result",
  "result.asOf": "Screening date: {asOf} · rules version {rulesVersion}",
  "result.column.item": "Item",
  "result.column.status": "Status",
  "result.column.max": "Up to",
  "result.total": "Total after Article 16: up to {totalFen}",
  "result.openPotential": "Still open: up to {openFen} more if the unknown facts turn out favourably",
  "result.notCounted": "(not counted in the total)",
  "result.countedPart": "(counted in the total: {countedFen})",
  "result.missing": "To decide it, answer: {paths}",
  "result.potential": "could reach up to {potentialFen}",
  "result.project": "project {index}",
  "result.notInForce": "The rules are not in force on this date.",
} as const;

export type ResultKey = keyof typeof resultEn;
