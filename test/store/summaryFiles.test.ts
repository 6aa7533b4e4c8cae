import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { Layout } from "../../src/store/layout.js";
import type { ScreeningRecord } from "../../src/store/store.js";
import { SAVE_AFTER_MS, SummaryFiles } from "../../src/store/summaryFiles.js";
import { screeningRecord } from "./fixtures/records.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function summaries(): { layout: Layout; files: SummaryFiles; logger: ReturnType<typeof memoryLogger> } {
  const dir = mkdtempSync(join(tmpdir(), "summary-files-"));
  dirs.push(dir);
  const layout = new Layout(dir);
  const logger = memoryLogger();
  return { layout, files: new SummaryFiles(layout, { corruptDir: layout.corrupt, logger }), logger };
}

/** The folder's summary file as saved, or null when there is none. */
function savedSummary(files: SummaryFiles, folder: string): { days: Record<string, { finished: Record<string, number> }> } | null {
  const file = join(files.dir, `${folder}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** The store's write of a screening: its file in the day folder. */
const writeTo = (layout: Layout, record: ScreeningRecord) => (): undefined => {
  const file = join(layout.dayDir("2025-06-01"), `${record.caseId}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(record));
};

describe("day summaries", () => {
  it("fail only the screening whose write failed when several are added at once, and count the others", async () => {
    const { layout, files } = summaries();
    const records = Array.from({ length: 5 }, (_, i) => screeningRecord(`tg:${i + 1}`, `2025-06-01T08:00:0${i}.000Z`));
    const added = records.map((record, i) =>
      files.add("2025-06-01", record, i === 2 ? () => { throw new Error("disk full"); } : writeTo(layout, record)));
    const ends = await Promise.allSettled(added);
    expect(ends.map((end) => end.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((ends[2] as PromiseRejectedResult).reason).toEqual(new Error("disk full"));
    expect((await files.days("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 4 });
  });

  it("count a screening added while others are being written in the next turn, not lost between two", async () => {
    const { layout, files } = summaries();
    const [a, b, c] = [1, 2, 3].map((n) => screeningRecord(`tg:${n}`, `2025-06-01T08:00:0${n}.000Z`));
    let late: Promise<void> | undefined;
    const first = files.add("2025-06-01", a!, () => {
      // Added while the first turn is writing: it waits for the next one.
      late = files.add("2025-06-01", c!, writeTo(layout, c!));
      writeTo(layout, a!)();
    });
    await Promise.all([first, files.add("2025-06-01", b!, writeTo(layout, b!))]);
    await late;
    expect((await files.days("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 3 });
    await files.idle();
  });

  it("save a summary a moment after a screening is counted, with every screening counted meanwhile, and at once when asked to be idle", async () => {
    const { layout, files } = summaries();
    const [a, b, c] = [1, 2, 3].map((n) => screeningRecord(`tg:${n}`, `2025-06-01T08:00:0${n}.000Z`));
    await files.add("2025-06-01", a!, writeTo(layout, a!));
    await files.add("2025-06-01", b!, writeTo(layout, b!));
    // Counted in memory; the file waits.
    expect(savedSummary(files, "2025-06-01")).toBeNull();
    expect((await files.days("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 2 });
    await vi.waitFor(() => expect(savedSummary(files, "2025-06-01")?.days["2025-06-01"]?.finished).toEqual({ tg: 2 }), { timeout: 10 * SAVE_AFTER_MS, interval: SAVE_AFTER_MS / 10 });

    await files.add("2025-06-01", c!, writeTo(layout, c!));
    expect(savedSummary(files, "2025-06-01")?.days["2025-06-01"]?.finished).toEqual({ tg: 2 });
    await files.idle();
    expect(savedSummary(files, "2025-06-01")?.days["2025-06-01"]?.finished).toEqual({ tg: 3 });
  });

  it("log a summary it cannot save and keep counting in memory, so that a reader still gets the counts", async () => {
    const { layout, files, logger } = summaries();
    // A file where the summaries' folder should be: every save fails.
    mkdirSync(join(files.dir, ".."), { recursive: true });
    writeFileSync(files.dir, "");
    const record = screeningRecord("tg:1", "2025-06-01T08:00:00.000Z");
    await files.add("2025-06-01", record, writeTo(layout, record));
    await files.idle();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: "warn", folder: "2025-06-01" }));
    expect((await files.days("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 1 });
  });
});
