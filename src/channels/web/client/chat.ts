import { ApiError, ChatApi, RateLimited } from "./api.js";
import { updateTicks } from "./choices.js";
import { renderReply, renderUserMessage } from "./messages.js";
import { applyLanguage, confirmWith, saveFile, type Page } from "./page.js";
import { retrying } from "./retry.js";
import { Saved } from "./storage.js";
import { text, type TextKey } from "./text.js";
import type { Lang, QuestionReply, TurnInput, WireChoice, WireReply } from "./wire.js";

/**
 * Whether this browser saves a file a script makes. WeChat's in-app browser (where most visitors
 * come from) ignores such downloads: there the report opens as a page from a short-lived link.
 */
const SAVES_FILES = !/MicroMessenger/i.test(navigator.userAgent) && "download" in HTMLAnchorElement.prototype;
/** A report's file is named after its case. */
const CASE_FILE = /^(TZ-\d{8}-[0-9A-Z]{8})\.html$/;

/** The question on screen, so that the same question shown again (a tick) updates it instead of repeating it. */
interface Shown {
  key: string;
  turn: number;
  lang: Lang;
  node: HTMLElement;
}

const TYPED_ANSWERS = new Set(["amount", "count", "text"]);
/** Said only when a reply takes long enough to notice; a quick one needs no "replying…". */
const THINKING_AFTER_MS = 400;

/**
 * The chat: starts or resumes the conversation, sends what the user taps or types, shows the
 * replies and moves focus to what needs an answer. Nothing typed is cleared before the server
 * has answered it.
 */
export class Chat {
  private lang: Lang = "zh";
  private busy = false;
  private shown: Shown | null = null;
  private thinking: ReturnType<typeof setTimeout> | undefined;
  private readonly conversation = new Saved("tz-web-conversation");
  private readonly draft = new Saved("tz-web-draft");

  constructor(private readonly page: Page, private readonly api = new ChatApi()) {}

  async start(): Promise<void> {
    this.listen();
    this.page.input.value = this.draft.get() ?? "";
    const saved = this.conversation.get();
    if (saved === null) return this.begin();
    this.api.conversationId = saved;
    return this.resume();
  }

  private listen(): void {
    const { page } = this;
    page.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submitText();
    });
    page.input.addEventListener("input", () => this.draft.set(page.input.value));
    page.lang.addEventListener("change", () => void this.switchLanguage(page.lang.value === "en" ? "en" : "zh"));
    page.menu.querySelectorAll<HTMLButtonElement>("[data-command]").forEach((button) => {
      button.addEventListener("click", () => {
        page.menu.open = false;
        void this.command(button.dataset.command ?? "", button.textContent ?? "");
      });
    });
    page.menu.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !page.menu.open) return;
      page.menu.open = false;
      page.menu.querySelector("summary")?.focus();
    });
    document.addEventListener("click", (event) => {
      if (page.menu.open && event.target instanceof Node && !page.menu.contains(event.target)) page.menu.open = false;
    });
  }

  /** A new conversation: the language menu (in the browser's language), or the welcome when the language is known. */
  private async begin(lang?: Lang): Promise<void> {
    const created = await retrying(() => this.api.create(lang), (error, ms) => this.waiting(error, ms));
    this.conversation.set(created.conversationId);
    this.setLanguage(created.lang);
    this.setStatus("");
    this.show(created.replies);
  }

  /** Where the conversation stands (after a reload, a closed tab, a lost connection); a forgotten one starts afresh. */
  private async resume(): Promise<void> {
    try {
      const view = await retrying(() => this.api.view(), (error, ms) => this.waiting(error, ms));
      this.setLanguage(view.lang);
      this.setStatus("");
      this.show(view.replies);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      this.forget();
      await this.begin();
    }
  }

  private async submitText(): Promise<void> {
    const { input } = this.page;
    const said = input.value.trim();
    if (said === "") return;
    if (!(await this.send({ type: "text", text: said }, said))) return;
    if (input.value.trim() === said) {
      input.value = "";
      this.draft.clear();
    }
  }

  private async press(choice: WireChoice, button: HTMLButtonElement): Promise<void> {
    const { action } = choice;
    if (action.kind === "report") return this.downloadReport(action.caseId);
    if (action.kind === "lang") return this.switchLanguage(action.lang, choice.label);
    await this.send({ type: "action", action }, echoOf(choice, button));
  }

  /** The language, switched at any time; an interview in progress goes on in the new language. */
  private async switchLanguage(lang: Lang, echo: string | null = null): Promise<void> {
    const inInterview = this.shown !== null;
    if (!(await this.send({ type: "action", action: { kind: "lang", lang } }, echo))) {
      this.page.lang.value = this.lang;
      return;
    }
    this.setLanguage(lang);
    if (inInterview) await this.send({ type: "action", action: { kind: "go" } }, null);
  }

  private async command(name: string, label: string): Promise<void> {
    switch (name) {
      case "result":
        await this.send({ type: "command", command: "result", args: "" }, label);
        return;
      case "explain":
        // Typed `explain` explains the result so far, or the latest case once the interview is over.
        await this.send({ type: "text", text: "explain" }, label);
        return;
      case "report":
        return this.downloadReport();
      case "print":
        window.print();
        return;
      case "restart":
        if (await confirmWith(this.page, text(this.lang, "restartConfirm"), text(this.lang, "restartYes"))) await this.send({ type: "action", action: { kind: "new" } }, label);
        return;
      case "delete":
        if (await confirmWith(this.page, text(this.lang, "deleteConfirm"), text(this.lang, "deleteYes"))) await this.eraseEverything();
        return;
    }
  }

  /**
   * One turn. A lost connection is not retried blindly (typed text is not idempotent): the
   * page asks where the conversation stands instead and shows it, and the text stays typed.
   */
  private async send(input: TurnInput, echo: string | null): Promise<boolean> {
    if (this.busy) return false;
    this.setBusy(true);
    try {
      // Only a 429 is retried as it is: the server did not handle the turn.
      const turn = await retrying(() => this.api.turn(input), (error, ms) => this.waiting(error, ms), (error) => error instanceof RateLimited);
      this.setStatus("");
      if (echo !== null) this.page.log.append(renderUserMessage(echo, this.lang));
      this.show([...turn.replies, ...turn.later]);
      return true;
    } catch (error) {
      await this.recover(error);
      return false;
    } finally {
      this.setBusy(false);
    }
  }

  private async recover(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 404) {
      this.forget();
      return this.begin(this.lang);
    }
    if (error instanceof ApiError) return this.setStatus(text(this.lang, "failed"));
    this.setStatus(text(this.lang, "offline"));
    await this.resume();
    this.setStatus(text(this.lang, "reconnected"));
  }

  private async downloadReport(caseId?: string): Promise<void> {
    try {
      if (!SAVES_FILES) {
        // The report replaces the chat in this view; Back returns to the chat, which resumes where it was.
        window.location.assign(await retrying(() => this.api.reportLink(caseId), (error, ms) => this.waiting(error, ms)));
        return;
      }
      const { filename, blob } = await retrying(() => this.api.report(caseId), (error, ms) => this.waiting(error, ms));
      saveFile(filename, blob);
      this.note("downloadReady", { name: filename });
    } catch (error) {
      this.note(error instanceof ApiError && error.status === 404 ? "noReport" : "failed");
    }
  }

  /** "Delete my data": erased on the server, forgotten here, then a fresh start in the same language. */
  private async eraseEverything(): Promise<void> {
    try {
      await retrying(() => this.api.erase(), (error, ms) => this.waiting(error, ms));
    } catch (error) {
      // Already gone (erased elsewhere, or expired) is what was asked for.
      if (!(error instanceof ApiError && error.status === 404)) return this.note("failed");
    }
    this.forget();
    this.draft.clear();
    this.page.input.value = "";
    this.page.log.textContent = "";
    this.note("deleted");
    await this.begin(this.lang);
  }

  private forget(): void {
    this.conversation.clear();
    this.api.conversationId = null;
    this.shown = null;
  }

  /** Appends the replies, retires the buttons of questions already answered, and moves focus to what wants an answer next. */
  private show(replies: readonly WireReply[]): void {
    const ctx = { lang: this.lang, press: (choice: WireChoice, button: HTMLButtonElement) => void this.press(choice, button), save: (name: string, type: string, content: string) => (SAVES_FILES ? saveFile(name, new Blob([content], { type })) : void this.downloadReport(CASE_FILE.exec(name)?.[1])) };
    let first: HTMLElement | null = null;
    let focus: HTMLElement | null = null;
    for (const reply of replies) {
      if (reply.type === "question" && this.isOnScreen(reply)) {
        updateTicks(this.shown!.node, reply.question);
        continue;
      }
      if (reply.type === "question" || reply.type === "result") this.retireInterviewButtons();
      const node = renderReply(reply, ctx);
      this.page.log.append(node);
      first ??= node;
      if (reply.type === "question") {
        this.shown = { key: reply.question.key, turn: reply.question.turn, lang: this.lang, node };
        this.page.hint.textContent = hintOf(reply, this.lang);
        // Typed answers need the input; otherwise the question itself, read first, with its buttons next in tab order.
        focus = TYPED_ANSWERS.has(reply.question.answer) ? this.page.input : node.querySelector<HTMLElement>(".question-text");
      } else if (reply.type === "result") {
        if (reply.final) {
          this.shown = null;
          this.page.hint.textContent = text(this.lang, "askHint");
        }
        focus = node.querySelector<HTMLElement>(".card-title");
      } else if (focus === null) {
        focus = firstButton(node);
      }
    }
    first?.scrollIntoView({ block: "start" });
    if (focus) focus.focus({ preventScroll: first !== null });
    else if (!document.activeElement || document.activeElement === document.body || (document.activeElement as HTMLButtonElement).disabled) this.page.input.focus({ preventScroll: true });
  }

  /** The same question and turn as the last thing shown: a tick changed, the question is not repeated. */
  private isOnScreen(reply: QuestionReply): boolean {
    const shown = this.shown;
    if (!shown || shown.key !== reply.question.key || shown.turn !== reply.question.turn || shown.lang !== this.lang) return false;
    let last = this.page.log.lastElementChild;
    while (last?.classList.contains("notice")) last = last.previousElementSibling;
    return last === shown.node;
  }

  private retireInterviewButtons(): void {
    this.page.log.querySelectorAll<HTMLButtonElement>("button[data-interview]").forEach((button) => {
      button.disabled = true;
    });
  }

  private note(key: TextKey, params: Record<string, string | number> = {}): void {
    this.page.log.append(renderReply({ type: "notice", text: text(this.lang, key, params) }, { lang: this.lang, press: () => undefined, save: () => undefined }));
  }

  private waiting(error: unknown, ms: number): void {
    this.setStatus(error instanceof RateLimited ? text(this.lang, "tooMany", { s: Math.ceil(ms / 1000) }) : text(this.lang, "offline"));
  }

  private setLanguage(lang: Lang): void {
    this.lang = lang;
    applyLanguage(this.page, lang);
  }

  private setStatus(message: string): void {
    if (this.page.status.textContent !== message) this.page.status.textContent = message;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.page.log.setAttribute("aria-busy", String(busy));
    clearTimeout(this.thinking);
    if (busy) this.thinking = setTimeout(() => this.setStatus(text(this.lang, "thinking")), THINKING_AFTER_MS);
    else if (this.page.status.textContent === text(this.lang, "thinking")) this.setStatus("");
  }
}

/** What a press says in the log: the option chosen; for Done, the options ticked; nothing for a tick. */
function echoOf(choice: WireChoice, button: HTMLButtonElement): string | null {
  if (choice.action.kind === "toggle") return null;
  if (choice.action.kind === "done") {
    const ticked = Array.from(button.closest(".choices")?.querySelectorAll<HTMLButtonElement>("button[aria-pressed=true]") ?? [], (b) => b.textContent ?? "");
    return ticked.length > 0 ? ticked.join(" · ") : choice.label;
  }
  return choice.label;
}

/** What to type besides tapping: yes/no words help; the terminal's option numbers do not, as the page shows none. */
function hintOf(reply: QuestionReply, lang: Lang): string {
  const { answer, typingHint } = reply.question;
  return typingHint !== undefined && (answer === "yes_no" || answer === "confirm") ? typingHint : text(lang, "askHint");
}

function firstButton(node: HTMLElement): HTMLElement | null {
  return node.querySelector<HTMLButtonElement>("button:not([disabled])");
}
