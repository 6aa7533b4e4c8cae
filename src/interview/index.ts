/** The interview core's public entry: what the conversation layer and the channels use. */
export { step, currentResult, type InterviewContext, type Step } from "./interview.js";
export type { InterviewEvent, OutMessage } from "./messages.js";
export { initialState, interviewStateSchema, questionKeySchema, type InterviewState, type AnswerValue } from "./state.js";
export { buildScreening, parseKey } from "./buildScreening.js";
export { describeFact, formatAnswer, questionText, renderMessage, type Button, type Rendered, type RenderContext } from "./render.js";
export { questionBankOf, type Question, type QuestionBank } from "./questionBank.js";
export { parseCommand } from "./parseReply.js";
