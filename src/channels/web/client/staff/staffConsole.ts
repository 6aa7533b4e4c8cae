/// <reference lib="dom" />
import { ApiError, NetworkError, SessionExpired, StaffApi } from "./api.js";
import { auditPage } from "./audit.js";
import { batchPage } from "./batch.js";
import { casePage } from "./casePage.js";
import { casesPage } from "./cases.js";
import { dashboardPage } from "./dashboard.js";
import type { Shell } from "./shell.js";
import { navOf, parseRoute, routeHash, type PageName, type Route } from "./route.js";
import { signInView } from "./signIn.js";
import { htmlLang, text, type Lang, type TextKey } from "./text.js";
import { button, el } from "./ui.js";
import type { PageBuilder, PageContext, View } from "./view.js";
import type { StaffSession } from "./wire.js";

const PAGES: Record<PageName, PageBuilder> = { dashboard: dashboardPage, cases: casesPage, case: casePage, batch: batchPage, audit: auditPage };
const LANG_KEY = "tz-staff-lang";

/**
 * The console: one page at /staff/ whose views follow the URL's fragment. Without a session it
 * shows the sign-in form and leaves the fragment alone, so that after signing in (again) the user
 * is back on the view they were on.
 */
export class StaffConsole {
  private readonly api = new StaffApi();
  private session: StaffSession | null = null;
  private lang: Lang;
  private view: View | null = null;
  /** Bumped on each render, so a slow answer for a view the user has left is dropped. */
  private generation = 0;

  constructor(private readonly shell: Shell) {
    this.lang = preferredLang();
    this.api.lang = this.lang;
  }

  async start(): Promise<void> {
    this.shell.lang.addEventListener("change", () => this.switchLanguage(this.shell.lang.value === "en" ? "en" : "zh"));
    this.shell.signOut.addEventListener("click", () => void this.signOut());
    this.shell.skip.addEventListener("click", (event) => {
      event.preventDefault();
      this.shell.main.focus();
    });
    window.addEventListener("hashchange", () => void this.render());
    this.applyLanguage();
    try {
      this.session = await this.api.session();
    } catch {
      this.showProblem(text(this.lang, "offline"));
      return;
    }
    await this.render();
  }

  private t = (key: TextKey, params?: Record<string, string | number>) => text(this.lang, key, params);

  private async render(notice = ""): Promise<void> {
    const generation = ++this.generation;
    this.view?.dispose?.();
    this.view = null;
    this.shell.status.textContent = "";
    if (!this.session) return this.showSignIn(notice);
    this.updateHeader();
    const route = parseRoute(location.hash);
    this.shell.markNav(navOf(route));
    this.shell.view.replaceChildren(el("p", { className: "loading", text: this.t("loading") }));
    let view: View;
    try {
      view = await PAGES[route.page](this.context(route));
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      return;
    }
    if (generation !== this.generation) return view.dispose?.();
    this.view = view;
    document.title = `${view.title} · ${this.t("shortTitle")}`;
    this.shell.view.replaceChildren(view.node);
    view.mounted?.();
    view.node.querySelector<HTMLElement>(".page-title")?.focus();
  }

  private context(route: Route): PageContext {
    return {
      api: this.api,
      lang: this.lang,
      session: this.session!,
      route,
      t: this.t,
      go: (next) => {
        const hash = routeHash(next);
        if (hash === location.hash) void this.render();
        else location.hash = hash;
      },
      act: (work) => {
        work().catch((error: unknown) => this.fail(error));
      },
      say: (message) => {
        this.shell.status.textContent = message;
      },
    };
  }

  /** An ended session goes back to sign-in (the fragment kept); anything else is said where the view would be. */
  private fail(error: unknown): void {
    if (error instanceof SessionExpired) {
      this.session = null;
      void this.render(this.t("expired"));
      return;
    }
    const message =
      error instanceof ApiError && error.status === 403 ? this.t("forbidden") : error instanceof ApiError && error.status === 404 ? this.t("notFound") : error instanceof NetworkError ? this.t("offline") : this.t("failed", { message: error instanceof Error ? error.message : String(error) });
    if (this.view) this.shell.status.textContent = message;
    else this.showProblem(message);
  }

  private showProblem(message: string): void {
    this.shell.view.replaceChildren(el("div", { className: "view" }, [el("p", { className: "problem", text: message, attrs: { role: "alert" } }), button(this.t("retry"), () => void this.render())]));
  }

  private showSignIn(notice: string): void {
    this.updateHeader();
    document.title = `${this.t("signInTitle")} · ${this.t("shortTitle")}`;
    const view = signInView(this.api, this.lang, notice, (session) => {
      this.session = session;
      void this.render();
    });
    this.shell.view.replaceChildren(view);
    view.querySelector<HTMLInputElement>("input")?.focus();
  }

  private async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } catch (error) {
      // Already signed out (401) is what was asked for; anything else is said.
      if (!(error instanceof SessionExpired)) return this.fail(error);
    }
    this.session = null;
    await this.render(this.t("signedOut"));
  }

  private switchLanguage(lang: Lang): void {
    this.lang = lang;
    this.api.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage can be off (private windows): the choice then lasts until the page is closed.
    }
    this.applyLanguage();
    void this.render();
  }

  private applyLanguage(): void {
    document.documentElement.lang = htmlLang(this.lang);
    this.shell.applyLanguage(this.lang);
  }

  private updateHeader(): void {
    const session = this.session;
    this.shell.showSession(session ? { name: session.name, admin: session.role === "admin", role: this.t(session.role === "admin" ? "roleAdmin" : "roleStaff") } : null, this.lang);
  }
}

function preferredLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === "zh" || stored === "en") return stored;
  } catch {
    // No storage: fall through to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "zh";
}
