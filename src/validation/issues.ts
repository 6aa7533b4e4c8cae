import type { z } from "zod";

/** One problem with an input, located by its path inside the document. */
export interface InputIssue {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** Renders a zod path the way the screening format names fields: `infrastructure[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Flattens zod issues into `path: message` pairs; an unknown key is reported at its own path. */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), message: "unknown key (check its spelling, or remove it)" });
      }
      continue;
    }
    issues.push({ path: formatPath(issue.path) || "(document)", message: issue.message });
  }
  return issues;
}

export function issueLine(issue: InputIssue): string {
  return `${issue.path}: ${issue.message}`;
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toInputIssues(result.error) };
}
