import { STATUS_CODES } from "node:http";

export interface ResponseParameters {
  retry_after?: number;
}

/** A failed Bot API call, serialised exactly like Telegram's `{ ok: false, ... }` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toBody(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export function badRequest(detail: string): ApiError {
  return new ApiError(400, `Bad Request: ${detail}`);
}

export function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

export function serverError(status: number, description?: string): ApiError {
  return new ApiError(status, description ?? STATUS_CODES[status] ?? "Internal Server Error");
}

export const unauthorized = (): ApiError => new ApiError(401, "Unauthorized");
export const notFound = (): ApiError => new ApiError(404, "Not Found");

export const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** Anything but an ApiError is a bug in the fake; it reaches the bot as a 500 that says so. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new ApiError(500, `fake Bot API bug: ${detail}`);
}
