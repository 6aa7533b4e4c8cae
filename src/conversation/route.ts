import { todayInBeijing } from "../clock.js";
import { t } from "../i18n/translate.js";
import { isInterviewAction, type Action } from "./action.js";
import type { Assist } from "./assist.js";
import { explain, sendReport } from "./caseCommands.js";
import type { Caller, ConversationDeps } from "./deps.js";
import { routeText } from "./freeText.js";
import { isCommand, readSlashCommand, type ConversationInput } from "./input.js";
import { cancelInterview, chooseLanguage, openInterview, pressInterviewButton, showResult, startInterview, typeIntoInterview } from "./interviewCommands.js";
import { articlesMenu, articleView, deleteConfirmation, languageMenu } from "./menus.js";
import { message, notice, turnOf, type Turn } from "./reply.js";
import type { Session } from "./session.js";
import { staffCommand } from "./staff/staffQueries.js";

export interface TurnContext {
  deps: ConversationDeps;
  assist: Assist;
  /** Erases a conversation and everything it stored. */
  erase: (conversationId: string) => Promise<void>;
}

/** One user input, routed: the same rules in every channel. */
export function route(ctx: TurnContext, session: Session, input: ConversationInput, caller: Caller): Promise<Turn> {
  switch (input.type) {
    case "command":
      return onCommand(ctx, session, input.command, input.args, caller);
    case "action":
      return onAction(ctx, session, input.action, caller);
    case "text": {
      const slash = readSlashCommand(input.text);
      return slash ? onCommand(ctx, session, slash.command, slash.args, caller) : onText(ctx, session, input.text, caller);
    }
    case "unsupported":
      return Promise.resolve(turnOf([message(t(session.lang, "bot.notText"))], "ignored"));
    case "forged":
      return Promise.resolve(turnOf([notice(t(session.lang, "bot.callback.unknown"))], "forged"));
  }
}

function onText(ctx: TurnContext, session: Session, text: string, caller: Caller): Promise<Turn> {
  const where = routeText(text, session.interview);
  switch (where.to) {
    case "interview":
      return typeIntoInterview(ctx.deps, ctx.assist, session, text);
    case "explain":
      return explain(ctx.deps, ctx.assist, session, caller, null);
    case "faq":
      return Promise.resolve(turnOf([], "ok", ctx.assist.ask(session, where.question)));
  }
}

async function onCommand(ctx: TurnContext, session: Session, command: string, args: string, caller: Caller): Promise<Turn> {
  const { deps } = ctx;
  const { lang } = session;
  if (!isCommand(command)) return turnOf([message(t(lang, "bot.help"))]);
  switch (command) {
    case "start":
    case "lang":
      return turnOf([languageMenu(lang)]);
    case "check":
      return openInterview(deps, session);
    case "result":
      return showResult(deps, session);
    case "report":
      return sendReport(deps, session, caller, args);
    case "articles":
      return turnOf([articlesMenu(deps.articles(todayInBeijing(deps.clock())), lang, false)]);
    case "ask":
      return args === "" ? turnOf([message(t(lang, "bot.ask.usage"))]) : turnOf([], "ok", ctx.assist.ask(session, args));
    case "explain":
      return explain(deps, ctx.assist, session, caller, null);
    case "cancel":
      return cancelInterview(deps, session);
    case "delete":
      return turnOf([deleteConfirmation(lang)]);
    case "help":
      return turnOf([message(t(lang, "bot.help"))]);
    case "stats":
    case "export":
    case "case":
      if (!caller.staff) {
        deps.logger.warn("staff command refused", { conversation: session.conversationId, user: caller.userId, command });
        return turnOf([message(t(lang, "bot.admin.refused"))], "refused");
      }
      return staffCommand(deps, lang, command, args);
  }
}

async function onAction(ctx: TurnContext, session: Session, action: Action, caller: Caller): Promise<Turn> {
  const { deps } = ctx;
  const { lang } = session;
  if (isInterviewAction(action)) return pressInterviewButton(deps, session, action);
  switch (action.kind) {
    case "go":
      return openInterview(deps, session);
    case "new":
      return startInterview(deps, session);
    case "lang":
      return chooseLanguage(deps, session, action.lang);
    case "articles":
      return turnOf([articlesMenu(deps.articles(todayInBeijing(deps.clock())), lang, true)]);
    case "article": {
      const article = deps.articles(todayInBeijing(deps.clock())).articles.find((a) => a.article === action.article);
      return article ? turnOf([articleView(article, lang)]) : turnOf([notice(t(lang, "bot.callback.unknown"))], "forged");
    }
    case "delete":
      if (action.yes) await ctx.erase(session.conversationId);
      return turnOf([message(t(lang, action.yes ? "bot.delete.done" : "bot.delete.kept"), undefined, true)]);
    case "explain":
      return explain(deps, ctx.assist, session, caller, action.caseId);
    case "report":
      return sendReport(deps, session, caller, action.caseId);
  }
}
