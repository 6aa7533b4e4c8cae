import type { Action } from "./action.js";

/** The commands of every channel: Telegram's menu, typed as /word in the web chat and the terminal too. */
export const COMMANDS = ["start", "check", "result", "report", "articles", "ask", "explain", "lang", "help", "cancel", "delete", "stats", "export", "case"] as const;
export type Command = (typeof COMMANDS)[number];

/** What a user did, whatever the channel. */
export type ConversationInput =
  | { type: "text"; text: string }
  | { type: "action"; action: Action }
  /** An unknown command name is kept as typed, and answered with the help. */
  | { type: "command"; command: Command | string; args: string }
  /** Something the assistant cannot read (a photo, a sticker, a file). */
  | { type: "unsupported" }
  /** Button data the channel could not read: forged, or from an older version. */
  | { type: "forged" };

const KNOWN = new Set<string>(COMMANDS);
export const isCommand = (name: string): name is Command => KNOWN.has(name);

/** `/report TZ-…` typed as text: the command and its arguments; null when the text is not a command. */
export function readSlashCommand(text: string): { command: string; args: string } | null {
  const m = /^\/([A-Za-z]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return m ? { command: m[1]!.toLowerCase(), args: m[2] ?? "" } : null;
}
