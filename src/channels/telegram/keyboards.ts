import type { Choice } from "../../conversation/index.js";
import type { QuestionBank } from "../../interview/index.js";
import { encodeAction } from "./callbackData.js";

/** Telegram's inline keyboard of callback buttons: the only kind this bot shows. */
export interface Keyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

/** A reply's choices as an inline keyboard; a choice that cannot be encoded is left out. */
export function keyboardOf(bank: QuestionBank, rows: readonly Choice[][] | undefined): Keyboard | undefined {
  const inline = (rows ?? [])
    .map((row) => row.flatMap((choice) => {
      const data = encodeAction(bank, choice.action);
      return data === null ? [] : [{ text: choice.label, callback_data: data }];
    }))
    .filter((row) => row.length > 0);
  return inline.length > 0 ? { inline_keyboard: inline } : undefined;
}
