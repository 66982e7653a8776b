/** The tool's `describe` action: full parameter docs of an entity, answered from the catalog. */
import { describeOperation, type EntityDoc } from "../catalog/describe.js";
import { listOperations } from "../catalog/index.js";
import { DESCRIBE, isOffered, type OfferOptions, offeredEntities, unknownEntity } from "./offer.js";
import type { GongToolInput, ToolResult } from "./types.js";

export function entityDoc(entity: string, options: OfferOptions): EntityDoc {
  const actions = listOperations()
    .filter((entry) => entry.entity === entity && isOffered(entry.spec, options))
    .map((entry) => describeOperation(entry.action, entry.spec));
  return { entity, actions };
}

/** Full docs of one entity as compact text. */
export function entityDocText(doc: EntityDoc): string {
  const lines: string[] = [];
  for (const action of doc.actions) {
    const paging =
      action.cursor === "none"
        ? "single page"
        : "paged: repeat with params.cursor = meta.cursor while meta.hasMore";
    const scopes = action.scopes.join(" ") || "n/a";
    lines.push(`${doc.entity} ${action.action}: ${action.hint} (${paging}; scopes: ${scopes})`);
    for (const param of action.params) {
      if (param.name === "cursor") continue;
      const facts = [
        param.type + (param.format ? ` ${param.format}` : ""),
        param.required ? "required" : "optional",
      ];
      if (param.enum) facts.push(`one of ${param.enum.join("|")}`);
      const spellings = [...(param.aliases ?? []), ...(param.wireName ? [param.wireName] : [])];
      if (spellings.length > 0) facts.push(`also ${spellings.join(", ")}`);
      lines.push(`  ${param.name} (${facts.join(", ")})${param.description ? `: ${param.description}` : ""}`);
    }
  }
  return lines.join("\n");
}

/** Which entity a describe call asks about: `{entity: X, action: "describe"}` or `{entity: "describe", …}`. */
function describedEntity(input: GongToolInput): string | undefined {
  if (input.entity !== DESCRIBE) return input.entity;
  const named = input.params?.["entity"];
  if (typeof named === "string") return named;
  return [DESCRIBE, "list", "get"].includes(input.action) ? undefined : input.action;
}

/**
 * Answers a describe call. Without an entity it gives every entity's docs, or, when those do not fit
 * `maxChars`, the list of entities with a pointer to describing one.
 */
export function describeAnswer(input: GongToolInput, options: OfferOptions, maxChars: number): ToolResult {
  const entities = offeredEntities(options);
  const named = describedEntity(input);
  if (named !== undefined) {
    if (!entities.includes(named)) throw unknownEntity(named, entities);
    const doc = entityDoc(named, options);
    return { ok: true, text: entityDocText(doc), result: doc };
  }
  const docs = entities.map((entity) => entityDoc(entity, options));
  const text = docs.map(entityDocText).join("\n");
  if (text.length <= maxChars) return { ok: true, text, result: { entities: docs } };
  const overview = docs.map(
    (doc) => `${doc.entity}: ${doc.actions.map((a) => `${a.action} - ${a.hint}`).join("; ")}`,
  );
  return {
    ok: true,
    text: [
      'All entities (for one entity\'s parameters: {"entity": "<name>", "action": "describe"}):',
      ...overview,
    ].join("\n"),
    result: { entities: docs },
  };
}
