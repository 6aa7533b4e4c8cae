import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../i18n/lang.js";
import { projectRoot } from "../paths.js";
import { UserError } from "../userError.js";

export const PROMPTS_DIR = join(projectRoot, "prompts");

/**
 * A prompt file (prompts/<name>.<lang>.md): a version line, the static instructions (sent first,
 * unchanged between requests, so providers can cache them as a prefix), then after
 * `<!-- request -->` the per-request part with %SLOTS% the code fills, and optionally after
 * `<!-- retry -->` the message asking for a corrected reply.
 */
export interface Prompt {
  /** From `<!-- prompt-version: explain-1 -->`; part of every cache key. */
  version: string;
  system: string;
  request: string;
  retry: string | null;
}

export type PromptName = "explain" | "faq";

export class PromptFileError extends UserError {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "PromptFileError";
  }
}

const VERSION = /^<!-- prompt-version: ([\w.-]+) -->\r?\n/;
const SLOT = /%([A-Z]+)%/g;
const loaded = new Map<string, Prompt>();

export function loadPrompt(name: PromptName, lang: Lang, dir: string = PROMPTS_DIR): Prompt {
  const file = join(dir, `${name}.${lang}.md`);
  let prompt = loaded.get(file);
  if (!prompt) {
    prompt = parsePrompt(readFileSync(file, "utf8"), file);
    loaded.set(file, prompt);
  }
  return prompt;
}

export function parsePrompt(text: string, file: string): Prompt {
  const version = VERSION.exec(text);
  if (!version) throw new PromptFileError(file, "must start with a line <!-- prompt-version: name-N -->");
  const [system, rest] = splitOnce(text.slice(version[0].length), "<!-- request -->", file);
  if (rest === null) throw new PromptFileError(file, "needs a <!-- request --> line before the per-request part");
  if (/%[A-Z]+%/.test(system)) throw new PromptFileError(file, "the instructions before <!-- request --> must not hold %SLOTS%: they are the cached prefix");
  const [request, retry] = splitOnce(rest, "<!-- retry -->", file);
  return { version: version[1]!, system: system.trim(), request: request.trim(), retry: retry === null ? null : retry.trim() };
}

function splitOnce(text: string, marker: string, file: string): [string, string | null] {
  const parts = text.split(new RegExp(`^${marker}\\r?$`, "m"));
  if (parts.length > 2) throw new PromptFileError(file, `${marker} appears more than once`);
  return [parts[0]!, parts[1] ?? null];
}

/** Fills every %SLOT% of a template; a slot without a value, or a value without a slot, is a bug. */
export function fillSlots(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const text = template.replace(SLOT, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt slot %${name}% has no value`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`the prompt has no slot for ${unused.map((name) => `%${name}%`).join(", ")}`);
  return text;
}
