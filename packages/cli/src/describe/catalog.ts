/** The connector's catalog, for describe, export and demo (no credentials needed to read it). */
import {
  type ActionDoc,
  type CatalogDescription,
  describeCatalog,
  GongValidationError,
} from "@gong-agent/core";

export interface OperationInfo extends ActionDoc {
  entity: string;
  /** Dotted names of every parameter, e.g. `filter.fromDateTime`. */
  paramPaths: string[];
}

export interface CatalogView {
  description: CatalogDescription;
  entityNames(): string[];
  /** Throws a validation error listing the valid names when the entity or action is unknown. */
  entity(entity: string): CatalogDescription["entities"][number];
  operation(entity: string, action: string): OperationInfo;
}

export function catalogOf(): CatalogView {
  const description = describeCatalog();
  const names = () => description.entities.map((e) => e.entity);
  const entity = (name: string) => {
    const found = description.entities.find((e) => e.entity === name);
    if (!found) {
      throw new GongValidationError(`Unknown entity "${name}". Run \`gong-agent describe\` for the list.`, {
        field: "entity",
        validValues: names(),
      });
    }
    return found;
  };
  return {
    description,
    entityNames: names,
    entity,
    operation(entityName, action) {
      const doc = entity(entityName);
      const op = doc.actions.find((a) => a.action === action);
      if (!op) {
        const valid = doc.actions.map((a) => a.action);
        throw new GongValidationError(
          `Entity "${entityName}" has no action "${action}"; it has: ${valid.join(", ")}.`,
          { field: "action", validValues: valid },
        );
      }
      return { ...op, entity: entityName, paramPaths: op.params.map((p) => p.name) };
    },
  };
}
