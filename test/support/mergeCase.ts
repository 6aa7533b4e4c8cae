/**
 * A policy case's screening: its patch laid over its file's base. Objects merge key by key;
 * anything else (a value, an array) in the patch replaces what the base has.
 */
export function mergeCase(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return patch;
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) out[key] = mergeCase(out[key], value);
  return out;
}
