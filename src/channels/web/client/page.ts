import { byId } from "./common/dom.js";
import { htmlLang, text, type TextKey } from "./text.js";
import type { Lang } from "./wire.js";

/** The fixed parts of index.html this page works with. */
export interface Page {
  log: HTMLElement;
  status: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  hint: HTMLElement;
  send: HTMLButtonElement;
  lang: HTMLSelectElement;
  menu: HTMLDetailsElement;
  confirm: HTMLDialogElement;
  confirmText: HTMLElement;
  confirmYes: HTMLButtonElement;
}

export function findPage(): Page {
  return {
    log: byId("log", HTMLDivElement),
    status: byId("status", HTMLParagraphElement),
    form: byId("composer", HTMLFormElement),
    input: byId("input", HTMLInputElement),
    hint: byId("hint", HTMLParagraphElement),
    send: byId("send", HTMLButtonElement),
    lang: byId("lang", HTMLSelectElement),
    menu: byId("menu", HTMLDetailsElement),
    confirm: byId("confirm", HTMLDialogElement),
    confirmText: byId("confirm-text", HTMLParagraphElement),
    confirmYes: byId("confirm-yes", HTMLButtonElement),
  };
}

/** Puts the page's own words in `lang` (elements marked data-text / data-placeholder) and sets the lang attribute. */
export function applyLanguage(page: Page, lang: Lang): void {
  document.documentElement.lang = htmlLang(lang);
  document.title = text(lang, "title");
  document.querySelectorAll<HTMLElement>("[data-text]").forEach((node) => {
    node.textContent = text(lang, node.dataset.text as TextKey);
  });
  document.querySelectorAll<HTMLInputElement>("[data-placeholder]").forEach((node) => {
    node.placeholder = text(lang, node.dataset.placeholder as TextKey);
  });
  page.lang.value = lang;
}

/** Asks before something that cannot be undone; resolves true only when `yes` (which names the act) is pressed. */
export function confirmWith(page: Page, question: string, yes: string): Promise<boolean> {
  const { confirm } = page;
  // Older in-app browsers (iOS before 15.4) lack <dialog>: their own confirmation box will do.
  if (typeof confirm.showModal !== "function") return Promise.resolve(window.confirm(question));
  page.confirmText.textContent = question;
  page.confirmYes.textContent = yes;
  confirm.returnValue = "";
  return new Promise((resolve) => {
    confirm.addEventListener("close", () => resolve(confirm.returnValue === "yes"), { once: true });
    confirm.showModal();
  });
}

/** Saves text as a file through a temporary object URL (no server round trip, no inline content in the page). */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
