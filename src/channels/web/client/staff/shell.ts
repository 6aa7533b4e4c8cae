/// <reference lib="dom" />
import { byId } from "../common/dom.js";
import type { PageName } from "./route.js";
import { text, type Lang, type TextKey } from "./text.js";

/** The fixed parts of staff.html: header, navigation, language, who is signed in, the status line and the view. */
export class Shell {
  readonly main = byId("main", HTMLElement);
  readonly view = byId("view", HTMLDivElement);
  readonly status = byId("status", HTMLParagraphElement);
  readonly lang = byId("lang", HTMLSelectElement);
  readonly nav = byId("nav", HTMLElement);
  readonly who = byId("who", HTMLSpanElement);
  readonly signOut = byId("sign-out", HTMLButtonElement);
  readonly skip = byId("skip", HTMLAnchorElement);

  /** The page's own words in `lang` (elements marked data-text). */
  applyLanguage(lang: Lang): void {
    document.querySelectorAll<HTMLElement>("[data-text]").forEach((node) => {
      node.textContent = text(lang, node.dataset.text as TextKey);
    });
    this.nav.setAttribute("aria-label", text(lang, "nav"));
    this.lang.value = lang;
  }

  showSession(session: { name: string; role: string; admin: boolean } | null, lang: Lang): void {
    this.nav.hidden = session === null;
    this.signOut.hidden = session === null;
    this.who.textContent = session ? text(lang, "signedInAs", { name: session.name, role: session.role }) : "";
    const audit = this.nav.querySelector<HTMLElement>('[data-nav="audit"]')?.closest("li");
    if (audit) audit.hidden = !session?.admin;
  }

  /** Marks the navigation entry of the open view as the current page. */
  markNav(current: PageName): void {
    this.nav.querySelectorAll<HTMLAnchorElement>("a[data-nav]").forEach((link) => {
      if (link.dataset.nav === current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
  }
}
