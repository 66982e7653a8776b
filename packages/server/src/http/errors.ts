import type { HostedErrorType, WireErrorBody } from "@gong-agent/core";

/** An error of the hosted API itself (not of Gong), answered with its status and a message that says what to do. */
export class HttpError extends Error {
  override name = "HttpError";

  constructor(
    readonly status: number,
    readonly type: HostedErrorType,
    message: string,
    readonly extra: { field?: string; validValues?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  toBody(): WireErrorBody {
    const body: WireErrorBody = {
      error: {
        type: this.type,
        message: this.message,
        source: "server",
        status: this.status,
        retryable: false,
      },
      detail: this.message,
    };
    if (this.extra.field !== undefined) body.error.field = this.extra.field;
    if (this.extra.validValues !== undefined) body.error.valid_values = this.extra.validValues;
    return body;
  }
}

export const badRequest = (message: string, field?: string, validValues?: string[]) =>
  new HttpError(400, "validation_error", message, {
    ...(field === undefined ? {} : { field }),
    ...(validValues === undefined ? {} : { validValues }),
  });

export const unauthorized = (message: string) =>
  new HttpError(401, "authentication_error", message, {
    headers: { "www-authenticate": 'Bearer realm="gong-agent"' },
  });

export const notFound = (message: string) => new HttpError(404, "not_found", message);

export const conflict = (message: string) => new HttpError(409, "validation_error", message);
