/// <reference lib="dom" />
import { Chat } from "./chat.js";
import { findPage } from "./page.js";
import { text } from "./text.js";

/** The web chat's entry: bundled into dist/web/assets/app.js by scripts/build.mjs. */
const page = findPage();
new Chat(page).start().catch(() => {
  page.status.textContent = text(document.documentElement.lang === "en" ? "en" : "zh", "failed");
});
