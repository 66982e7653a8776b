/**
 * The catalog: every Gong operation the connector knows, by entity and action. Everything else
 * (execute, paginate, describe, typed helpers, tool text, REFERENCE.md) reads it from here.
 */
import type { z } from "zod";
import { aiOperations } from "./ai.js";
import { callOperations } from "./calls.js";
import { coachingOperations } from "./coaching.js";
import { crmOperations } from "./crm.js";
import { flowOperations } from "./flows.js";
import { libraryOperations } from "./library.js";
import { logOperations } from "./logs.js";
import { meetingOperations } from "./meetings.js";
import { permissionOperations } from "./permissions.js";
import { privacyOperations } from "./privacy.js";
import { settingsOperations } from "./settings.js";
import { statsOperations } from "./stats.js";
import { taskOperations } from "./tasks.js";
import type {
  GetMeta,
  ListMeta,
  MediaDownload,
  OperationKind,
  OperationSpec,
  ParamsSchema,
} from "./types.js";
import { userOperations } from "./users.js";

export const catalog = {
  ...userOperations,
  ...callOperations,
  ...settingsOperations,
  ...statsOperations,
  ...libraryOperations,
  ...coachingOperations,
  ...logOperations,
  ...permissionOperations,
  ...flowOperations,
  ...taskOperations,
  ...crmOperations,
  ...privacyOperations,
  ...meetingOperations,
  ...aiOperations,
};

export type Catalog = typeof catalog;
export type EntityName = keyof Catalog & string;
export type ActionName<E extends EntityName> = keyof Catalog[E] & string;
export type OperationOf<E extends EntityName, A extends ActionName<E>> = Catalog[E][A];

/** camelCase → snake_case at the type level (`fromDateTime` → `from_date_time`). */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Rest>}`
  : S;

/** Params in Gong's camelCase or in snake_case, chosen per object level. */
export type Aliased<T> = T extends readonly (infer U)[]
  ? Aliased<U>[]
  : T extends Record<string, unknown>
    ?
        | { [K in keyof T]: Aliased<T[K]> }
        | { [K in keyof T as K extends string ? SnakeCase<K> : K]: Aliased<T[K]> }
    : T;

/** The wire name a field was declared with (see `WithWireName`), or never. */
type WireNameOf<F> = F extends { readonly "~wireName"?: infer W extends string }
  ? W
  : F extends z.ZodOptional<infer Inner>
    ? WireNameOf<Inner>
    : never;

/** Params spelled with Gong's wire names where they differ (coaching's `workspace-id`, `manager-id`). */
type WireSpelled<T, Shape> = {
  [K in keyof T as K extends keyof Shape
    ? [WireNameOf<Shape[K]>] extends [never]
      ? K
      : WireNameOf<Shape[K]>
    : K]: T[K];
};

type SpecShape<S> =
  S extends OperationSpec<infer P extends ParamsSchema, unknown, OperationKind>
    ? P extends z.ZodObject<infer Shape>
      ? Shape
      : never
    : never;

type HasWireNames<Shape> = { [K in keyof Shape]: WireNameOf<Shape[K]> }[keyof Shape];

type SpecParams<S> =
  S extends OperationSpec<infer P extends ParamsSchema, unknown, OperationKind> ? z.input<P> : never;
type SpecRecord<S> = S extends OperationSpec<ParamsSchema, infer R, OperationKind> ? R : never;
type SpecKind<S> = S extends OperationSpec<ParamsSchema, unknown, infer K> ? K : never;

/** The params `execute(entity, action, params)` accepts. */
export type ParamsOf<E extends EntityName, A extends ActionName<E>> =
  | Aliased<SpecParams<OperationOf<E, A>>>
  | ([HasWireNames<SpecShape<OperationOf<E, A>>>] extends [never]
      ? never
      : WireSpelled<SpecParams<OperationOf<E, A>>, SpecShape<OperationOf<E, A>>>);

/** One record of a list (or the single record of a get). */
export type RecordOf<E extends EntityName, A extends ActionName<E>> = SpecRecord<OperationOf<E, A>>;

/** What `execute(entity, action, …)` resolves to. */
export type ResultOf<E extends EntityName, A extends ActionName<E>> =
  SpecKind<OperationOf<E, A>> extends "list"
    ? { data: RecordOf<E, A>[]; meta: ListMeta }
    : SpecKind<OperationOf<E, A>> extends "download"
      ? { data: MediaDownload; meta?: undefined }
      : { data: RecordOf<E, A>; meta?: GetMeta };

/** Actions of an entity that return pages of records. */
export type ListActionName<E extends EntityName> = {
  [A in ActionName<E>]: SpecKind<OperationOf<E, A>> extends "list" ? A : never;
}[ActionName<E>];

export interface CatalogEntry {
  entity: string;
  action: string;
  spec: OperationSpec;
}

const entries: CatalogEntry[] = Object.entries(catalog).flatMap(([entity, actions]) =>
  Object.entries(actions as Record<string, OperationSpec>).map(([action, spec]) => ({
    entity,
    action,
    spec,
  })),
);

/** Every operation in catalog order. */
export function listOperations(): readonly CatalogEntry[] {
  return entries;
}

export function entityNames(): string[] {
  return Object.keys(catalog);
}

export function actionNames(entity: string): string[] {
  const actions = (catalog as Record<string, Record<string, OperationSpec>>)[entity];
  return actions === undefined ? [] : Object.keys(actions);
}

/** The declaration of one operation, or undefined. */
export function findOperation(entity: string, action: string): OperationSpec | undefined {
  if (!Object.hasOwn(catalog, entity)) return undefined;
  const actions = (catalog as Record<string, Record<string, OperationSpec>>)[entity]!;
  return Object.hasOwn(actions, action) ? actions[action] : undefined;
}

export * from "./records.js";
export type {
  Access,
  CursorLocation,
  ExecuteResult,
  GetMeta,
  GetResult,
  ListMeta,
  ListResult,
  MediaDownload,
  MediaLink,
  OperationContext,
  OperationKind,
  OperationSpec,
} from "./types.js";
