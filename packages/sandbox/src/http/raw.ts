/** A non-JSON-API answer (OAuth pages and tokens, media, redirects). */
export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export function jsonRaw(status: number, body: unknown, headers: Record<string, string> = {}): RawReply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
    body: JSON.stringify(body),
  };
}

export function htmlRaw(status: number, html: string): RawReply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    body: html,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
