import type { ItemStatus } from "../../engine/outcome.js";
import { caseIdSchema } from "../../store/caseId.js";
import { channelOf } from "../../store/conversationId.js";
import type { ScreeningRecord, Store } from "../../store/store.js";
import { storeRange, type Period } from "./stats.js";

/** What staff search cases by; every part optional but the period. */
export interface CaseFilter {
  /** A case id (found whatever the period), or part of a company name (any case, any period day). */
  q?: string;
  period: Period;
  /** An Article's item id ("6", "8.1"): with `status`, cases where the item has that status; alone, where it is eligible or needs information. */
  item?: string;
  status?: ItemStatus;
}

export interface CaseRow {
  caseId: string;
  /** The company name the applicant gave (applicant.name), or null. */
  name: string | null;
  createdAt: string;
  channel: string;
  totalFen: number;
  /** One status per item: Article 11's best over its projects. */
  items: { id: string; status: ItemStatus }[];
}

export interface CasePage {
  total: number;
  page: number;
  pageSize: number;
  cases: CaseRow[];
}

export const PAGE_SIZE = 50;

const RANK: Record<ItemStatus, number> = { not_eligible: 0, needs_info: 1, eligible: 2 };

/** Each item's status, Article 11's projects folded into their best. */
export function itemStatuses(record: ScreeningRecord): { id: string; status: ItemStatus }[] {
  const best = new Map<string, ItemStatus>();
  for (const item of record.items) {
    const known = best.get(item.id);
    if (known === undefined || RANK[item.status] > RANK[known]) best.set(item.id, item.status);
  }
  return [...best].map(([id, status]) => ({ id, status }));
}

export const applicantName = (record: ScreeningRecord): string | null => record.screening.applicant?.name ?? null;

function matches(record: ScreeningRecord, filter: CaseFilter, needle: string | null): boolean {
  if (needle !== null && !(applicantName(record) ?? "").toLowerCase().includes(needle)) return false;
  const statuses = itemStatuses(record);
  if (filter.item !== undefined) {
    const status = statuses.find((s) => s.id === filter.item)?.status;
    if (status === undefined) return false;
    return filter.status === undefined ? status !== "not_eligible" : status === filter.status;
  }
  return filter.status === undefined || statuses.some((s) => s.status === filter.status);
}

/**
 * The stored screenings a filter selects, oldest first. A case id is looked up directly; any other
 * search reads the period's screenings one day folder at a time.
 */
export async function* findCases(store: Store, filter: CaseFilter): AsyncIterable<ScreeningRecord> {
  const q = filter.q?.trim() ?? "";
  const caseId = caseIdSchema.safeParse(q.toUpperCase());
  if (caseId.success) {
    const record = await store.getScreening(caseId.data);
    if (record && matches(record, filter, null)) yield record;
    return;
  }
  const needle = q === "" ? null : q.toLowerCase();
  for await (const record of store.screenings(...storeRange(filter.period))) if (matches(record, filter, needle)) yield record;
}

export function caseRow(record: ScreeningRecord): CaseRow {
  return {
    caseId: record.caseId,
    name: applicantName(record),
    createdAt: record.createdAt,
    channel: channelOf(record.conversationId),
    totalFen: record.totalMaxSupportFen,
    items: itemStatuses(record),
  };
}

/** One page of the cases a filter selects, newest first. */
export async function searchCases(store: Store, filter: CaseFilter, page: number, pageSize = PAGE_SIZE): Promise<CasePage> {
  const rows: CaseRow[] = [];
  for await (const record of findCases(store, filter)) rows.push(caseRow(record));
  rows.reverse();
  const start = (page - 1) * pageSize;
  return { total: rows.length, page, pageSize, cases: rows.slice(start, start + pageSize) };
}
