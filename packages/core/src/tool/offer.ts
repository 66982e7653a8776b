/** Which catalog operations the tool offers, and the errors naming the valid choices. */
import { actionNames, entityNames, findOperation } from "../catalog/index.js";
import type { OperationSpec } from "../catalog/types.js";
import { GongValidationError } from "../errors.js";

export interface OfferOptions {
  /** Include write actions (default false). */
  allowWrites?: boolean | undefined;
  /** Include operations that spend Gong credits (default false). */
  includeCreditSpending?: boolean | undefined;
}

/** The action every entity answers from the catalog itself. */
export const DESCRIBE = "describe";

/** Whether an operation is offered to the model under these options. */
export function isOffered(spec: OperationSpec, options: OfferOptions): boolean {
  if (spec.access === "write" && !options.allowWrites) return false;
  if (spec.spendsCredits && !options.includeCreditSpending) return false;
  return true;
}

export function offeredActions(entity: string, options: OfferOptions): string[] {
  return actionNames(entity).filter((action) => isOffered(findOperation(entity, action)!, options));
}

export function offeredEntities(options: OfferOptions): string[] {
  return entityNames().filter((entity) => offeredActions(entity, options).length > 0);
}

/** The offered operation, or a validation error listing the valid entities or actions. */
export function requireOffered(entity: string, action: string, options: OfferOptions): OperationSpec {
  const entities = offeredEntities(options);
  if (!entities.includes(entity)) throw unknownEntity(entity, entities);
  const spec = findOperation(entity, action);
  if (spec && isOffered(spec, options)) return spec;
  const actions = [...offeredActions(entity, options), DESCRIBE];
  throw new GongValidationError(
    `Unknown action "${action}" for entity "${entity}". Valid actions: ${actions.join(", ")}.`,
    { field: "action", validValues: actions },
  );
}

export function unknownEntity(entity: string, entities: string[]): GongValidationError {
  return new GongValidationError(`Unknown entity "${entity}". Valid entities: ${entities.join(", ")}.`, {
    field: "entity",
    validValues: entities,
  });
}
