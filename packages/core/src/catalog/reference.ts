/**
 * REFERENCE.md, rendered from the catalog. A test compares the committed file with this output and
 * fails when they differ (`UPDATE_REFERENCE=1 pnpm test` rewrites it).
 */
import { type ActionDoc, describeCatalog, type ParamDoc } from "./describe.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function paramRow(param: ParamDoc): string {
  const type = [
    param.type,
    param.format,
    param.enum ? `one of ${param.enum.map((v) => `\`${v}\``).join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const spellings = [
    ...(param.aliases ?? []).map((alias) => `\`${alias}\``),
    ...(param.wireName ? [`\`${param.wireName}\` (Gong's name)`] : []),
  ];
  return `| \`${param.name}\` | ${cell(type)} | ${param.required ? "yes" : ""} | ${param.location} | ${cell(
    spellings.join(", "),
  )} | ${cell(param.description ?? "")} |`;
}

function paging(action: ActionDoc): string {
  if (action.kind === "download") return "one call's media file";
  if (action.cursor === "none") return "single answer, no cursor";
  return `pages; the cursor goes in the ${action.cursor === "query" ? "query" : "JSON body"} (\`params.cursor = meta.cursor\`)`;
}

export function renderReference(): string {
  const catalog = describeCatalog();
  const operations = catalog.entities.reduce((sum, entity) => sum + entity.actions.length, 0);
  const out: string[] = [
    "# @gong-agent/core: operation reference",
    "",
    "<!-- Generated from the catalog (src/catalog). Do not edit by hand: run `UPDATE_REFERENCE=1 pnpm test` in packages/core. -->",
    "",
    `${catalog.entities.length} entities, ${operations} operations. Call any of them with`,
    "`gong.execute(entity, action, params)`, the typed helper `gong.<entity>.<action>(params)`, or the",
    "`gong_execute` tool.",
    "",
    "- **Results**: `{ data, meta }`. Lists answer `meta: { hasMore, cursor?, totalRecords?, currentPageNumber? }`;",
    "  repeat the same params with `cursor: meta.cursor` for the next page, or use `gong.paginate(...)`.",
    "- **Names**: Gong's camelCase; the snake_case spelling (and the aliases listed) work too.",
    "- **Dates**: `date` = `YYYY-MM-DD` (company time zone); `date-time` = ISO-8601 with a zone, e.g.",
    "  `2024-05-01T00:00:00Z` (a plain `YYYY-MM-DD` there means midnight UTC). Ranges are start-inclusive,",
    "  end-exclusive. Omitted ranges default to the last 30 days up to today.",
    "- **Private calls** (`isPrivate: true`) are left out unless the connector has `includePrivate: true`.",
    "- **Credits**: operations marked *spends credits* are refused unless the connector has `allowCreditSpend: true`.",
    "",
    "## Contents",
    "",
    ...catalog.entities.map(
      (entity) =>
        `- [${entity.entity}](#${entity.entity}): ${entity.actions.map((a) => a.action).join(", ")}`,
    ),
    "",
  ];
  for (const entity of catalog.entities) {
    out.push(`## ${entity.entity}`, "");
    for (const action of entity.actions) {
      const flags = [
        action.access,
        action.destructive ? "destructive" : "",
        action.spendsCredits ? "spends credits" : "",
      ].filter(Boolean);
      out.push(
        `### ${entity.entity} ${action.action}`,
        "",
        action.hint,
        "",
        `- Gong: \`${action.method} ${action.path}\``,
        `- Scopes: ${action.scopes.length > 0 ? action.scopes.map((s) => `\`${s}\``).join(", ") : "none stated by Gong"}`,
        `- Paging: ${paging(action)}`,
        `- Kind: ${flags.join(", ")}`,
        "",
      );
      const params = action.params.filter((p) => p.name !== "cursor");
      if (params.length === 0) {
        out.push("No parameters.", "");
        continue;
      }
      out.push(
        "| Parameter | Type | Required | In | Also accepted | Description |",
        "|---|---|---|---|---|---|",
      );
      for (const param of params) out.push(paramRow(param));
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
