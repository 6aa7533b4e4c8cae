/** Plain-text tables for printing: columns measured in terminal cells, CJK characters taking two. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Pieces that are never split: an English amount, a CJK character, a run of spaces, a word. */
const PIECES = /RMB [\d,.]+|[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]|\s+|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+/gu;
/** Chinese punctuation that may not begin a line: it stays on the line before, a cell over the width. */
const NO_LINE_START = new Set(["，", "。", "、", "；", "：", "）", "”", "！", "？"]);

/** Breaks text into lines of at most `width` cells: between words, or between any two CJK characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of text.match(PIECES) ?? []) {
    if (line !== "" && displayWidth(line + piece) > width && !NO_LINE_START.has(piece)) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

export interface Column {
  width: number;
  align?: "left" | "right";
}

function pad(text: string, { width, align }: Column): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** One row of cells; a cell too wide for its column wraps onto more lines. */
export function tableRow(columns: readonly Column[], cells: readonly string[]): string[] {
  const wrapped = cells.map((cell, i) => wrap(cell, columns[i]!.width));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const out: string[] = [];
  for (let r = 0; r < height; r++) out.push(columns.map((column, i) => pad(wrapped[i]![r] ?? "", column)).join("  ").trimEnd());
  return out;
}

/** The header row and the rule under it. */
export function tableHeader(columns: readonly Column[], header: readonly string[]): string[] {
  return [...tableRow(columns, header), columns.map((column) => "-".repeat(column.width)).join("  ")];
}
