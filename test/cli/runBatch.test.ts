import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CSV_HEADER } from "../../src/cli/csvRow.js";
import { batchInputBytes, BYTES_PER_JOB, defaultJobs, runBatch } from "../../src/cli/runBatch.js";
import { checkScreening, type BatchFormat } from "../../src/cli/screenLines.js";
import { CHUNKS_PER_WORKER } from "../../src/cli/workerPool.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { issueLine } from "../../src/validation/issues.js";
import { parseCsv } from "../support/parseCsv.js";

const rules = loadRules();
const tmp = mkdtempSync(join(tmpdir(), "run-batch-"));
const TODAY = "2026-03-01";

interface Run {
  invalid: number;
  stdout: string;
  stderr: string;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function batch(input: string, format: BatchFormat, workers: number, chunkBytes?: number, from: "stdin" | "file" = "stdin"): Promise<Run> {
  const [stdout, stderr] = [collect(), collect()];
  let file = "-";
  if (from === "file") {
    file = join(tmp, `batch-${workers}-${chunkBytes}.jsonl`);
    writeFileSync(file, input);
  }
  const invalid = await runBatch(file, format, rules, TODAY, workers, { stdin: Readable.from([Buffer.from(input)]), stdout: stdout.stream, stderr: stderr.stream }, chunkBytes);
  return { invalid, stdout: stdout.text(), stderr: stderr.text() };
}

const screening = (name: string, projects = 1) => JSON.stringify({ applicant: { name, kind: "enterprise", inJurisdiction: true, sectors: ["ai"] }, scenarios: { projects } });

/** Invalid lines first and last, CRLF, blank and blank-looking lines, a lone \r, a name of multi-byte characters and a line far longer than a chunk. */
const LINES = [
  '{"events": {"expenses": -5}}',
  `${screening("Alpha")}\r`,
  "",
  `${screening("数据中心 🚀 é", 2)}`,
  "   ",
  `${screening("Beta")}\r${screening("Old Mac line")}`,
  screening(`Long ${"长".repeat(100)}`, 3),
  "{ not json",
  screening("Gamma"),
  '{"standards": {"national": 1.5}}',
];
const INPUT = `${LINES.join("\n")}\n`;
/** Line numbers as readline counts them (a lone \r ends a line too), and the names on them. */
const EXPECTED = [
  [1, ""], [2, "Alpha"], [4, "数据中心 🚀 é"], [6, "Beta"], [7, "Old Mac line"], [8, `Long ${"长".repeat(100)}`], [9, ""], [10, "Gamma"], [11, ""],
];
const EXPECTED_ERR = [
  "line 1: events.expenses: must be >= 0",
  expect.stringMatching(/^line 9: \(document\): not valid JSON/),
  "line 11: standards.national: must be a whole number",
];

describe("batch runs", () => {
  it("number lines across chunk edges as readline did, with CRLF, blank lines, a lone \\r and a line longer than a chunk", async () => {
    for (const chunkBytes of [1, 40, 97, 1 << 20]) {
      const run = await batch(INPUT, "csv", 0, chunkBytes);
      const rows = parseCsv(run.stdout);
      expect(rows[0]).toEqual(CSV_HEADER);
      expect(rows.slice(1).map((row) => [Number(row[0]), row[1]])).toEqual(EXPECTED);
      expect(run.stderr.trimEnd().split("\n")).toEqual(EXPECTED_ERR);
      expect(run.invalid).toBe(3);
    }
  });

  it("end the last line at a lone \\r without a line after it, as readline did", async () => {
    for (const chunkBytes of [1, 1 << 20]) {
      const run = await batch(`${screening("A")}\r${screening("B")}\r\r`, "csv", 0, chunkBytes);
      expect(parseCsv(run.stdout).slice(1).map((row) => [row[0], row[1]])).toEqual([["1", "A"], ["2", "B"]]);
    }
  });

  it("report the same problems as the one-shot check, whole-file checks included", async () => {
    const invalid = [
      { itai: { contractAmount: 100, hardwareAmount: 200 } },
      { scenarios: { projects: 2 }, overlaps: [[{ item: "12", units: 5 }, "14"]] },
      { asOf: "2026-02-30", vouchers: { modelServices: 1.234 } },
      { applicant: { kind: "robot" }, unknownField: true },
    ];
    const run = await batch(invalid.map((s) => JSON.stringify(s)).join("\n"), "json", 0);
    const oneShot = invalid.flatMap((s, i) => {
      const checked = checkScreening(JSON.stringify(s), rules, TODAY);
      return checked.ok ? [] : checked.issues.map((issue) => `line ${i + 1}: ${issueLine(issue)}`);
    });
    expect(oneShot.length).toBeGreaterThanOrEqual(invalid.length);
    expect(run.stderr.trimEnd().split("\n")).toEqual(oneShot);
    expect(run.invalid).toBe(invalid.length);
  });

  it("give the same bytes from a file and from stdin, in process and on one worker thread or more, at any chunk size", async () => {
    const reference = await batch(INPUT, "json", 0);
    expect(reference.stdout.split("\n")).toHaveLength(EXPECTED.length + 1);
    for (const [workers, chunkBytes, from] of [[0, 50, "file"], [1, 1, "stdin"], [1, 64, "file"], [2, 64, "file"], [3, 33, "stdin"]] as const) {
      expect(await batch(INPUT, "json", workers, chunkBytes, from)).toEqual(reference);
    }
  });

  it("keep input order under several workers over many chunks", async () => {
    const lines = Array.from({ length: 600 }, (_, i) => (i % 53 === 7 ? '{"events": {"expenses": "lots"}}' : screening(`A${i}`, i % 6)));
    const input = lines.join("\r\n");
    const serial = await batch(input, "csv", 0);
    const parallel = await batch(input, "csv", 3, 512);
    expect(parallel).toEqual(serial);
    expect(parseCsv(parallel.stdout).slice(1).map((row) => Number(row[0]))).toEqual(lines.map((_, i) => i + 1));
    expect(parallel.invalid).toBe(12);
  });

  it("read no further ahead of a slow stdout than the chunks in flight: two per worker", async () => {
    const chunkBytes = 1024;
    const lines = 4000;
    let read = 0;
    const input = new Readable({
      highWaterMark: chunkBytes,
      read() {
        read += 1;
        this.push(read <= lines ? `${screening(`N${read}`)}\n` : null);
      },
    });
    const lineBytes = Buffer.byteLength(`${screening("N1000")}\n`);
    // A slow reader of stdout: each write waits for a macrotask before 'drain'.
    let written = 0;
    let mostAhead = 0;
    const stdout = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString("utf8").split("\n").length - 1;
        mostAhead = Math.max(mostAhead, read - written);
        setImmediate(done);
      },
    });
    const workers = 2;
    await runBatch("-", "csv", rules, TODAY, workers, { stdin: input, stdout, stderr: collect().stream }, chunkBytes);
    expect(written).toBe(lines + 1);
    // Ahead of stdout: the workers' chunks, the one being written, the one being cut and the input stream's own buffer.
    const bound = ((CHUNKS_PER_WORKER * workers + 2) * chunkBytes + chunkBytes) / lineBytes;
    expect(mostAhead).toBeLessThan(bound);
    expect(mostAhead).toBeGreaterThan(0);
  });
});

describe("the threads a batch screens on by default (jobs)", () => {
  it("are the main thread alone until the input holds two jobs' worth of bytes", () => {
    for (const format of ["json", "csv"] as const) {
      const perJob = BYTES_PER_JOB[format];
      expect(defaultJobs(0, format, 2)).toBe(1);
      expect(defaultJobs(2 * perJob - 1, format, 2)).toBe(1);
      expect(defaultJobs(2 * perJob, format, 2)).toBe(2);
    }
  });

  it("are one per job's worth of bytes, up to one per core", () => {
    const perJob = BYTES_PER_JOB.json;
    expect(defaultJobs(3 * perJob - 1, "json", 8)).toBe(2);
    expect(defaultJobs(3 * perJob, "json", 8)).toBe(3);
    expect(defaultJobs(1000 * perJob, "json", 8)).toBe(8);
    expect(defaultJobs(1000 * perJob, "json", 1)).toBe(1);
  });

  it("are one per core when the size is unknown (stdin)", () => {
    expect(defaultJobs(null, "csv", 4)).toBe(4);
  });

  it("start sooner for --json, whose lines cost more than --csv's", () => {
    expect(BYTES_PER_JOB.json).toBeLessThan(BYTES_PER_JOB.csv);
    expect(defaultJobs(2 * BYTES_PER_JOB.json, "json", 2)).toBe(2);
    expect(defaultJobs(2 * BYTES_PER_JOB.json, "csv", 2)).toBe(1);
  });

  it("are counted from a file's size; stdin, a folder and a missing file tell none", async () => {
    const file = join(tmp, "sized.jsonl");
    writeFileSync(file, INPUT);
    expect(await batchInputBytes(file)).toBe(Buffer.byteLength(INPUT));
    expect(await batchInputBytes("-")).toBeNull();
    const folder = join(tmp, "a-folder");
    mkdirSync(folder, { recursive: true });
    expect(await batchInputBytes(folder)).toBeNull();
    expect(await batchInputBytes(join(tmp, "absent.jsonl"))).toBeNull();
  });
});
