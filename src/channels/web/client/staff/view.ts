import type { StaffApi } from "./api.js";
import type { Route } from "./route.js";
import type { Lang, TextKey } from "./text.js";
import type { StaffSession } from "./wire.js";

/** What a page gets to build its view. */
export interface PageContext {
  api: StaffApi;
  lang: Lang;
  session: StaffSession;
  route: Route;
  t(key: TextKey, params?: Record<string, string | number>): string;
  /** Opens another view (a new history entry). */
  go(route: Route): void;
  /**
   * Runs what a control does (a search, an export, an upload) with the same handling of failures
   * as opening a view: an ended session goes to sign-in, other errors are said in the status line.
   */
  act(work: () => Promise<void>): void;
  /** Says something in the page's status line (a live region). */
  say(message: string): void;
}

/** A page's view: its content, what to do once it is on the page (draw charts), and what to stop when it goes. */
export interface View {
  title: string;
  node: HTMLElement;
  mounted?(): void;
  dispose?(): void;
}

export type PageBuilder = (context: PageContext) => Promise<View>;
