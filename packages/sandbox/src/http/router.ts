import type { ApiRoute } from "./types.js";

interface CompiledRoute {
  route: ApiRoute;
  segments: string[];
}

/** Matches `/v2/...` paths against OpenAPI-style templates; literal segments win over `{params}`. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly ApiRoute[]) {
    this.routes = routes
      .map((route) => ({ route, segments: route.path.split("/").slice(1) }))
      // Literal paths first, so /v2/calls/extensive is not taken for /v2/calls/{id}.
      .sort((a, b) => paramCount(a.segments) - paramCount(b.segments));
  }

  match(method: string, path: string): { route: ApiRoute; params: Record<string, string> } | undefined {
    const parts = path.split("/").slice(1);
    for (const { route, segments } of this.routes) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as string;
        const part = parts[i] as string;
        if (segment.startsWith("{")) {
          if (part === "") {
            ok = false;
            break;
          }
          params[segment.slice(1, -1)] = decodeURIComponent(part);
        } else if (segment !== part) {
          ok = false;
          break;
        }
      }
      if (ok) return { route, params };
    }
    return undefined;
  }

  /** Whether any route serves this path with another method (for a clearer error). */
  methodsFor(path: string): string[] {
    const parts = path.split("/").slice(1);
    return this.routes
      .filter(
        ({ segments }) =>
          segments.length === parts.length && segments.every((s, i) => s.startsWith("{") || s === parts[i]),
      )
      .map(({ route }) => route.method);
  }

  get all(): ApiRoute[] {
    return this.routes.map((r) => r.route);
  }
}

function paramCount(segments: readonly string[]): number {
  return segments.filter((s) => s.startsWith("{")).length;
}
