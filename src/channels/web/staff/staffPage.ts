import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Context } from "hono";

const NOT_BUILT = "The staff console is not built yet: run `npm run build` (it writes dist/web/staff.html), then reload.\n";

/** GET /staff/: the console's page from the client build (its assets are served under /assets/ with the chat's). Read per request, so a rebuild shows at once. */
export function staffPage(dir: string) {
  return async (c: Context) => {
    try {
      const html = await readFile(join(dir, "staff.html"));
      return c.body(new Uint8Array(html), 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    } catch {
      return c.text(NOT_BUILT, 503);
    }
  };
}
