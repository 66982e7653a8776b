/** Human-readable rendering of the catalog for `gong-agent describe`. */
import type { ActionDoc, CatalogDescription, ParamDoc } from "@gong-agent/core";

function signature(op: ActionDoc): string {
  const top = op.params.filter((p) => !p.name.includes(".") && p.name !== "cursor");
  const args = top.map((p) => `${p.name}${p.required ? "" : "?"}`).join(", ");
  return `${op.action}(${args})`;
}

/** The overview: one line per action. */
export function renderOverview(catalog: CatalogDescription): string {
  const lines: string[] = [];
  let operations = 0;
  const width = Math.max(...catalog.entities.map((e) => e.entity.length));
  for (const entity of catalog.entities) {
    entity.actions.forEach((op, i) => {
      operations++;
      const name = i === 0 ? entity.entity.padEnd(width) : " ".repeat(width);
      const flags = [op.access === "write" ? "write" : "", op.spendsCredits ? "spends credits" : ""].filter(
        Boolean,
      );
      const sig = signature(op);
      lines.push(`${name}  ${sig}${flags.length ? ` [${flags.join(", ")}]` : ""}`);
    });
  }
  lines.unshift(
    `${catalog.entities.length} entities, ${operations} operations. Details: gong-agent describe <entity>`,
    "",
  );
  lines.push(
    "",
    "Lists answer one page with meta.cursor while more exist: pass it back as --param cursor=…, or use --all.",
  );
  return lines.join("\n");
}

function paramLine(p: ParamDoc, width: number): string {
  const depth = p.name.split(".").length - 1;
  const label = `${"  ".repeat(depth)}${p.name.split(".").pop()}${p.required ? "" : "?"}`;
  const type = p.enum
    ? p.enum.map((v) => JSON.stringify(v)).join("|")
    : p.format
      ? `${p.type} (${p.format})`
      : p.type;
  const extra = [
    p.wireName ? `sent as ${p.wireName}` : "",
    p.location !== "body" ? `in ${p.location}` : "",
  ].filter(Boolean);
  return `    ${label.padEnd(width)}  ${type}${extra.length ? ` [${extra.join(", ")}]` : ""}${p.description ? `  ${p.description}` : ""}`;
}

/** One entity in full: each action with its parameters. */
export function renderEntity(catalog: CatalogDescription): string {
  const lines: string[] = [];
  for (const entity of catalog.entities) {
    for (const op of entity.actions) {
      lines.push(`${entity.entity} ${op.action}  (${op.method} ${op.path})`);
      lines.push(`  ${op.hint}`);
      const facts = [
        op.kind === "list"
          ? op.cursor === "none"
            ? "single page"
            : `paginated (cursor in ${op.cursor})`
          : op.kind,
        op.access,
        op.scopes.length ? `scope ${op.scopes.join(" ")}` : "",
        op.spendsCredits ? "spends Gong credits" : "",
      ].filter(Boolean);
      lines.push(`  ${facts.join("; ")}`);
      if (op.params.length) {
        const width = Math.max(
          ...op.params.map((p) => p.name.split(".").pop()!.length + 2 * (p.name.split(".").length - 1) + 1),
        );
        lines.push("  params:", ...op.params.map((p) => paramLine(p, width)));
      } else lines.push("  params: none");
      lines.push("");
    }
  }
  return lines.join("\n");
}
