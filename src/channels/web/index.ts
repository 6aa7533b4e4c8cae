/** The web channel: the HTTP server of the web chat, the JSON API and what other channels mount on it. */
export { createWebApp, type MountedHandler, type WebApp, type WebAppOptions, type WebSettings } from "./app.js";
export { startWebServer, type RunningWebServer } from "./server.js";
export { webSettings } from "./settings.js";
