/** An error answer in Gong's shape: `{ requestId, errors: [message] }` with an HTTP status. */
export class GongHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(errors.join("; "));
    this.name = "GongHttpError";
  }
}

export function badRequest(message: string): GongHttpError {
  return new GongHttpError(400, [message]);
}

export function notFound(message: string): GongHttpError {
  return new GongHttpError(404, [message]);
}
