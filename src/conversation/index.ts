/** The conversation layer's public entry: what every channel adapter uses. */
export { ConversationService, type ConversationView } from "./service.js";
export type { Caller, ConversationDeps } from "./deps.js";
export { COMMANDS, isCommand, type Command, type ConversationInput } from "./input.js";
export { actionSchema, type Action } from "./action.js";
export type { AnswerKind, Choice, Outcome, QuestionView, Reply, Turn } from "./reply.js";
export { langFromHint } from "./session.js";
