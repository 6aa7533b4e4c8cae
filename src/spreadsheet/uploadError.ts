import type { RowError } from "./rowErrors.js";

export type UploadProblem = "too_large" | "too_many_rows" | "unreadable" | "bad_header";

/** An upload refused as a whole: nothing of it is screened. */
export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    message: string,
    readonly errors: readonly RowError[] = [],
  ) {
    super(message);
    this.name = "UploadError";
  }
}
