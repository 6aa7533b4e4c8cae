import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { langFromAcceptLanguage } from "../../../src/channels/web/acceptLanguage.js";
import { clientIp } from "../../../src/channels/web/clientIp.js";
import { RateLimiter } from "../../../src/channels/web/rateLimit.js";
import { projectRoot } from "../../../src/paths.js";
import { newDataDir, removeDataDirs, startWeb, WebClient } from "./harness.js";

afterAll(() => removeDataDirs());

describe("rate limiting", () => {
  it("a token bucket: the burst at once, then the per-minute rate, with the wait to say in Retry-After", () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("b").ok).toBe(true);
    now += 1000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    now += 10_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it("0 a minute turns the limit off", () => {
    const limiter = new RateLimiter(0, 1);
    expect(Array.from({ length: 100 }, () => limiter.take("a").ok).every(Boolean)).toBe(true);
  });

  it("the server answers 429 with Retry-After once an address has spent its burst; /healthz is not counted", async () => {
    const web = await startWeb({ env: { RATE_LIMIT_PER_MINUTE: "6", RATE_LIMIT_BURST: "2" } });
    try {
      const client = new WebClient(web.base);
      expect((await client.fetch("/healthz")).status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await client.fetch("/api/v1/rules")).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await client.fetch("/api/v1/articles");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await client.fetch("/healthz")).status).toBe(200);
    } finally {
      await web.stop();
    }
  });
});

describe("the client's address", () => {
  it("is the socket's unless TRUST_PROXY says how many proxies append to X-Forwarded-For", () => {
    expect(clientIp("10.0.0.1", "1.2.3.4", 0)).toBe("10.0.0.1");
    expect(clientIp("10.0.0.1", "6.6.6.6, 1.2.3.4", 1)).toBe("1.2.3.4");
    expect(clientIp("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", 2)).toBe("1.2.3.4");
    expect(clientIp("10.0.0.1", "1.2.3.4", 3)).toBe("1.2.3.4");
    expect(clientIp("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
  });
});

describe("the language of a new conversation", () => {
  it("is Chinese unless the browser ranks English higher", () => {
    expect(langFromAcceptLanguage(undefined)).toBe("zh");
    expect(langFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(langFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(langFromAcceptLanguage("en;q=0.5,zh-TW;q=0.6")).toBe("zh");
    expect(langFromAcceptLanguage("de,fr")).toBe("zh");
    expect(langFromAcceptLanguage("en;q=0")).toBe("zh");
  });
});

describe("framing", () => {
  it("FRAME_ANCESTORS lists the portals that may embed the page, and drops the older same-origin header", async () => {
    const web = await startWeb({ env: { FRAME_ANCESTORS: "self https://portal.example.gov.cn" } });
    try {
      const response = await fetch(`${web.base}/healthz`);
      expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self' https:\/\/portal\.example\.gov\.cn$/);
      expect(response.headers.get("x-frame-options")).toBeNull();
    } finally {
      await web.stop();
    }
  });
});

describe("the page's files", () => {
  it("says how to build the page when dist/web/index.html is missing", async () => {
    const web = await startWeb({ staticDir: join(newDataDir(), "nothing") });
    try {
      const response = await fetch(`${web.base}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build");
    } finally {
      await web.stop();
    }
  });

  it("serves index.html at / and assets by type, with the CSP, and nothing outside assets/", async () => {
    const dir = newDataDir();
    mkdirSync(join(dir, "assets", "fonts"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>chat</title>");
    writeFileSync(join(dir, "assets", "app.js"), "export {};");
    writeFileSync(join(dir, "assets", "fonts", "a.woff2"), "x");
    writeFileSync(join(dir, "secret.json"), "{}");
    const web = await startWeb({ staticDir: dir });
    try {
      const index = await fetch(`${web.base}/`);
      expect([index.status, index.headers.get("content-type"), await index.text()]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>chat</title>"]);
      expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect((await fetch(`${web.base}/assets/app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect((await fetch(`${web.base}/assets/fonts/a.woff2`)).headers.get("content-type")).toBe("font/woff2");
      for (const path of ["/assets/../secret.json", "/assets/%2e%2e/secret.json", "/secret.json", "/assets/missing.js", "/assets/.hidden"]) {
        expect((await fetch(`${web.base}${path}`)).status, path).toBe(404);
      }
    } finally {
      await web.stop();
    }
  });
});

describe("npm start", () => {
  it("prints the address to open, serves it, and exits 0 on SIGTERM with the store unlocked", async () => {
    const dir = newDataDir();
    const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "src", "bin", "start.ts")], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "", OPENAI_API_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    while (!/Open (http:\/\/127\.0\.0\.1:\d+\/)\n/.test(out)) await once(child.stdout, "data");
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1]!;
    // A keep-alive connection left idle must not hold the shutdown up.
    expect((await fetch(`${url}healthz`)).status).toBe(200);
    const created = await fetch(`${url}api/v1/conversations`, { method: "POST" });
    expect(created.status).toBe(201);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(join(dir, ".lock"))).toBe(false);
  });

  it("stops with a clear message when the port is taken", async () => {
    const web = await startWeb();
    try {
      const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "src", "bin", "start.ts")], {
        cwd: projectRoot,
        env: { ...process.env, DATA_DIR: newDataDir(), PORT: String(web.server.web.port), LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let err = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(1);
      expect(err).toContain(`Port ${web.server.web.port} on 127.0.0.1 is in use`);
    } finally {
      await web.stop();
    }
  });
});
