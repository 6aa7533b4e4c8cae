import type { z } from "zod";

/** One line of a JSON-lines file read with its schema; null when it is not JSON or not valid (a line a crash cut short). */
export function parseJsonLine<T>(schema: z.ZodType<T>, line: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
