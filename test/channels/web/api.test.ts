import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/runCli.js";
import { removeDataDirs, startWeb, WebClient, type TestWeb } from "./harness.js";

let web: TestWeb;
let client: WebClient;
const SPEC = readFileSync(join(import.meta.dirname, "..", "..", "..", "examples", "spec-example.json"), "utf8");

beforeAll(async () => {
  web = await startWeb();
  client = new WebClient(web.base);
});

afterAll(async () => {
  await web.stop();
  removeDataDirs();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) => client.fetch(path, { method: "POST", body, headers });


describe("POST /api/v1/screen", () => {
  it("answers exactly what `screen --json` prints, in English and in Chinese", async () => {
    for (const lang of ["en", "zh"]) {
      const cli = await runCli("screen", ["--json", "--lang", lang, "-"], SPEC);
      const response = await post(`/api/v1/screen?lang=${lang}`, SPEC);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await response.text()).toBe(cli.stdout);
    }
  });

  it("refuses an invalid screening with 400 and the CLI's problems, path by path", async () => {
    const bad = JSON.stringify({ asOf: "2026-02-30", vouchers: { modelServices: -1 }, surprise: 1 });
    const cli = await runCli("screen", ["--json", "-"], bad);
    const response = await post("/api/v1/screen", bad);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(errors.map((e) => `${e.path}: ${e.message}\n`).join("")).toBe(cli.stderr);
    expect(errors.map((e) => e.path)).toContain("vouchers.modelServices");
  });

  it("refuses text that is not JSON, and an unknown language", async () => {
    expect((await post("/api/v1/screen", "{")).status).toBe(400);
    const lang = await post("/api/v1/screen?lang=fr", SPEC);
    expect([lang.status, ((await lang.json()) as { errors: { path: string }[] }).errors[0]?.path]).toEqual([400, "lang"]);
  });
});

describe("POST /api/v1/screen/batch", () => {
  const spec = JSON.parse(SPEC) as Record<string, unknown>;
  const lines = [JSON.stringify(spec), "", JSON.stringify({ ...spec, asOf: "2026-13-01" }), "not json", JSON.stringify({ ...spec, applicant: { name: "=cmd()", inJurisdiction: false } })].join("\n") + "\n";
  const file = join(mkdtempSync(join(tmpdir(), "batch-")), "in.jsonl");
  writeFileSync(file, lines);

  it("streams JSON Lines equal byte for byte to `screen --batch --json`, per-line errors included", async () => {
    const cli = await runCli("screen", ["--batch", file, "--json"]);
    const response = await post("/api/v1/screen/batch", lines, { "content-type": "application/x-ndjson" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const text = await response.text();
    expect(text).toBe(cli.stdout);
    expect(text.split("\n")[1]).toContain('"line":3,"error"');
  });

  it("gives the CLI's bytes for a body past 256 KiB too, which the server screens on a worker thread", async () => {
    const big = lines.repeat(Math.ceil((300 * 1024) / Buffer.byteLength(lines)));
    const bigFile = join(mkdtempSync(join(tmpdir(), "batch-")), "big.jsonl");
    writeFileSync(bigFile, big);
    const cli = await runCli("screen", ["--batch", bigFile, "--json"]);
    const response = await post("/api/v1/screen/batch", big, { "content-type": "application/x-ndjson" });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(cli.stdout);
    expect(text.split("\n").filter((line) => line !== "")).toHaveLength(big.split("\n").filter((line) => line !== "").length);
  });

  it("answers CSV equal to `screen --batch --csv` when asked with Accept: text/csv", async () => {
    const cli = await runCli("screen", ["--batch", file, "--csv"]);
    const response = await post("/api/v1/screen/batch", lines, { accept: "text/csv" });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await response.text()).toBe(cli.stdout);
  });

  it("refuses a declared body over BATCH_LIMIT_BYTES with 413", async () => {
    const small = await startWeb({ env: { BATCH_LIMIT_BYTES: "100" } });
    try {
      const response = await new WebClient(small.base).fetch("/api/v1/screen/batch", { method: "POST", body: lines });
      expect(response.status).toBe(413);
    } finally {
      await small.stop();
    }
  });
}, 60_000);

describe("the rules, the Articles and the FAQ", () => {
  it("GET /api/v1/rules gives the version, every item and every parameter with the words it quotes", async () => {
    type Quoted = { text: string };
    const rules = (await (await client.fetch("/api/v1/rules")).json()) as { version: string; items: { id: string; documents: { zh: string[] } }[]; parameters: ({ article: string; name: string } & (Quoted | { values: Quoted[] }))[] };
    expect(rules.version).toMatch(/^tongzhou-de-\d{4}\.\d+\+[0-9a-f]{8}$/);
    expect(rules.items.map((item) => item.id)).toEqual(["4", "5", "6", "7", "8.1", "8.2", "9", "10.1", "10.2", "11", "12", "13", "14"]);
    expect(rules.items.every((item) => item.documents.zh.length > 0)).toBe(true);
    // A parameter as rules/ holds it: one value, or values by date (an annual guideline's), each quoting its words.
    const cap = rules.parameters.find((p) => p.article === "6" && p.name === "modelAnnualCap")!;
    const quotes = "values" in cap ? cap.values.map((value) => value.text) : [cap.text];
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).toMatch(/\S/);
  });

  it("GET /api/v1/articles gives Articles 1–19", async () => {
    const body = (await (await client.fetch("/api/v1/articles")).json()) as { articles: { article: string }[] };
    expect(body.articles.map((a) => a.article)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
  });

  it("POST /api/v1/ask answers as `ask --json` does", async () => {
    for (const [question, lang] of [["什么是算力券", undefined], ["Can a social organisation apply for Article 6?", "en"]] as const) {
      const cli = await runCli("ask", ["--json", ...(lang ? ["--lang", lang] : []), question], "", { OPENAI_API_KEY: "" });
      const response = await post("/api/v1/ask", JSON.stringify({ question, ...(lang ? { lang } : {}) }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(cli.stdout));
    }
  });

  it("refuses an ask without a question", async () => {
    const response = await post("/api/v1/ask", JSON.stringify({ question: "  " }));
    expect([response.status, ((await response.json()) as { errors: { path: string }[] }).errors[0]?.path]).toEqual([400, "question"]);
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every route the server has, with its method", async () => {
    const doc = (await (await client.fetch("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    // The page's static files are not the API; hono's :param is OpenAPI's {param}.
    const pageFiles = new Set(["GET /", "GET /favicon.ico"]);
    const served = web.server.app.routes.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`).filter((route) => !route.startsWith("GET /assets") && !pageFiles.has(route));
    expect(documented).toEqual([...new Set(served)].sort());
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Reply", "ConversationInput", "Screening", "ResultFile", "Problem"]));
  });
});

