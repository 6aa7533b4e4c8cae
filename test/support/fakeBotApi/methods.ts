import { botMethods } from "./botMethods.js";
import { documentMethods } from "./documentMethods.js";
import { messageMethods } from "./messageMethods.js";
import type { MethodHandler } from "./state.js";

const HANDLERS: Record<string, MethodHandler> = { ...botMethods, ...messageMethods, ...documentMethods };

const BY_LOWER_CASE = new Map(Object.keys(HANDLERS).map((name) => [name.toLowerCase(), name]));

/** Telegram matches method names case-insensitively; calls are recorded under the canonical name. */
export function findMethod(name: string): { name: string; handler: MethodHandler } | undefined {
  const canonical = BY_LOWER_CASE.get(name.toLowerCase());
  const handler = canonical === undefined ? undefined : HANDLERS[canonical];
  return canonical === undefined || handler === undefined ? undefined : { name: canonical, handler };
}
