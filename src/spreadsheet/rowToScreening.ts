import { parseScreening, type Screening } from "../engine/screening.js";
import type { CellValue } from "./cellValue.js";
import type { PlacedColumn } from "./header.js";
import { NONE, readCell } from "./readCell.js";
import type { RowError } from "./rowErrors.js";

export type RowRead = { ok: true; screening: Screening } | { ok: false; errors: RowError[] };

type Tree = Record<string, unknown>;

/**
 * One data row as a screening file, checked by the screening schema. An empty cell leaves its
 * field out (unknown); errors name the row, the column letter and the field path.
 */
export function rowToScreening(row: number, cells: ReadonlyMap<number, CellValue>, columns: readonly PlacedColumn[]): RowRead {
  const errors: RowError[] = [];
  const fail = (placed: PlacedColumn, message: string, path = placed.column.path) => errors.push({ row, column: placed.letter, path, message });
  const root: Tree = {};
  const nones: { placed: PlacedColumn; path: string; value: null | readonly [] }[] = [];
  const filled: PlacedColumn[] = [];
  for (const placed of columns) {
    const cell = cells.get(placed.index);
    if (!cell || cell.type === "empty") continue;
    const read = readCell(cell, placed.column.kind);
    if (!read.ok) {
      fail(placed, read.message);
      continue;
    }
    const kind = placed.column.kind;
    if (read.value === NONE && kind.type === "enum" && kind.none) {
      nones.push({ placed, path: kind.none.path, value: kind.none.value });
    } else {
      filled.push(placed);
      setPath(root, placed.column.path, read.value);
    }
  }
  for (const none of nones) {
    const clash = filled.find((placed) => placed.column.path.startsWith(`${none.path}.`) && placed !== none.placed);
    if (clash) fail(none.placed, `says none (无), but column ${clash.letter} (${clash.column.path}) is filled`);
    else setPath(root, none.path, none.value === null ? null : []);
  }
  const holes = checkSlotsInOrder(root, columns, new Set(nones.map((n) => n.path)), fail);
  const parsed = parseScreening(root);
  if (parsed.ok && errors.length === 0) return { ok: true, screening: parsed.value };
  // Schema problems too, so that one upload shows every problem of the row; a cell already refused is not named twice.
  const refused = new Set(errors.map((e) => e.column));
  for (const issue of parsed.ok ? [] : parsed.issues) {
    const path = dotted(issue.path);
    const placed = columnOf(path, columns);
    if (holes.has(path)) continue;
    if (!placed || !refused.has(placed.letter)) errors.push({ row, column: placed?.letter ?? "", path, message: issue.message });
  }
  return { ok: false, errors: errors.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column)) };
}

/** `recognitions[0].level` → `recognitions.0.level`, the spreadsheet's spelling. */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, ".$1");

/** The column a schema issue is about: its own, the first inside the part it names, or the one holding it. */
function columnOf(path: string, columns: readonly PlacedColumn[]): PlacedColumn | undefined {
  return (
    columns.find((c) => c.column.path === path) ??
    columns.find((c) => c.column.path.startsWith(`${path}.`)) ??
    columns.filter((c) => path.startsWith(`${c.column.path}.`)).sort((a, b) => b.column.path.length - a.column.path.length)[0]
  );
}

function setPath(root: Tree, path: string, value: unknown): void {
  const parts = path.split(".");
  let node: Tree | unknown[] = root;
  parts.forEach((part, i) => {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (i === parts.length - 1) {
      (node as Record<string | number, unknown>)[key] = value;
      return;
    }
    const container = node as Record<string | number, unknown>;
    container[key] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
    node = container[key] as Tree;
  });
}

/**
 * Slots are numbered from 0: a filled slot after an empty one would shift every index (and
 * Article 16's 11#N). Returns the empty slots' paths, which the schema would also complain of.
 */
function checkSlotsInOrder(root: Tree, columns: readonly PlacedColumn[], saidNone: ReadonlySet<string>, fail: (placed: PlacedColumn, message: string, path?: string) => void): Set<string> {
  const holes = new Set<string>();
  for (const list of ["recognitions", "infrastructure"]) {
    const slots = root[list];
    if (!Array.isArray(slots)) continue;
    for (let i = 0; i < slots.length; i++) if (slots[i] === undefined) holes.add(`${list}.${i}`);
    const hole = [...holes].find((path) => path.startsWith(`${list}.`));
    if (hole === undefined || saidNone.has(list)) continue;
    const next = slots.findIndex((slot, j) => j > Number(hole.split(".")[1]) && slot !== undefined);
    const placed = columns.find((c) => c.column.path.startsWith(`${list}.${next}.`))!;
    fail(placed, `${list}.${next} is filled but ${hole} is empty: fill the slots in order`, `${list}.${next}`);
  }
  return holes;
}
