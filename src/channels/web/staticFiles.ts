import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Context } from "hono";
import type { WebEnv } from "./webEnv.js";

const MEDIA_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
};

/** Plain names in folders: no `..`, no hidden files, no characters a build never writes. */
const ASSET_PATH = /^\/assets\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const NOT_BUILT = "The web chat is not built yet: run `npm run build` (it writes dist/web/index.html), then reload.\n";

/**
 * The web chat's files from the client's build output (dist/web): `/` is index.html, `/assets/…`
 * the rest. Read on each request, so a rebuild shows without a restart.
 */
export function staticFiles(dir: string) {
  const send = async (c: Context<WebEnv>, file: string, missing: () => Response | Promise<Response>) => {
    const type = MEDIA_TYPES[extname(file)];
    if (!type) return missing();
    let content: Buffer;
    try {
      content = await readFile(join(dir, file));
    } catch {
      return missing();
    }
    return c.body(new Uint8Array(content), 200, { "content-type": type, "cache-control": "no-cache" });
  };
  return {
    index: (c: Context<WebEnv>) => send(c, "index.html", () => c.text(NOT_BUILT, 503)),
    asset: (c: Context<WebEnv>) => (ASSET_PATH.test(c.req.path) ? send(c, c.req.path.slice(1), () => c.notFound()) : c.notFound()),
    icon: (c: Context<WebEnv>) => send(c, "assets/icon.svg", () => c.notFound()),
  };
}
