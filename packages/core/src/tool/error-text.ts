/** Errors as text a model can act on: what was wrong, the valid choices, whether retrying helps. */
import {
  GongApiError,
  GongAuthenticationError,
  GongError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongReauthRequiredError,
  GongValidationError,
} from "../errors.js";

/** Any thrown value as a GongError (unknown errors keep their message, never a stack). */
export function asGongError(error: unknown): GongError {
  if (error instanceof GongError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GongError(message || "Unknown error.", { cause: error });
}

function advice(error: GongError): string {
  if (error instanceof GongRateLimitError) {
    const wait =
      error.retryAfterMs === undefined ? "" : ` after about ${Math.ceil(error.retryAfterMs / 1000)} s`;
    return `Gong's rate limit was hit; retry the same call${wait}.`;
  }
  if (error instanceof GongReauthRequiredError)
    return "The Gong connection must be authorized again by a person; retrying will not help.";
  if (error instanceof GongAuthenticationError)
    return "The Gong credentials were refused; retrying will not help.";
  if (error instanceof GongPermissionError)
    return "The key lacks access to this; retrying will not help. Try other records or entities.";
  if (error instanceof GongNotFoundError) return "Check the id (list the entity to find valid ids).";
  if (error instanceof GongApiError && error.status === 402) {
    return "The company's Gong credits for AI answers are used up; retrying will not help.";
  }
  if (error instanceof GongValidationError)
    return "Fix the input and call again; the same input will fail again.";
  if (error.retryable) return "This looks temporary; retrying the same call may work.";
  return "Retrying the same call will not help.";
}

export function errorText(error: GongError): string {
  const details: string[] = [];
  if (error instanceof GongValidationError && error.validValues && error.validValues.length > 0) {
    const message = error.message;
    // Skip repeating choices the message already lists.
    if (!error.validValues.every((value) => message.includes(value))) {
      details.push(`Valid values: ${error.validValues.join(", ")}.`);
    }
  }
  if (error instanceof GongApiError && error.status > 0) {
    // Only what the message does not say already.
    const facts = [
      error.message.includes(`HTTP ${error.status}`) ? "" : `HTTP ${error.status}`,
      error.requestId && !error.message.includes(error.requestId) ? `requestId ${error.requestId}` : "",
    ].filter(Boolean);
    if (facts.length > 0) details.push(`(${facts.join(", ")})`);
  }
  return [`Error (${error.name}): ${error.message}`, ...details, advice(error)].join(" ");
}
