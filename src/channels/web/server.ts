import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { WebApp } from "./app.js";

export interface RunningWebServer {
  /** The address to open, e.g. http://127.0.0.1:8080/ (the real port when PORT=0). */
  url: string;
  port: number;
  /** Stops taking connections, closes idle keep-alive ones at once, and ends the rest after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

/** Listens on host:port with the web app; resolves once listening. */
export async function startWebServer(app: WebApp, host: string, port: number): Promise<RunningWebServer> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${actual}/`,
    port: actual,
    close: (graceMs = 3_000) =>
      (closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          app.close();
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}
