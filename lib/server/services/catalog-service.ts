import "server-only";
import type { CatalogResponse } from "@/lib/domain/schemas/responses";
import type { Caller } from "../auth/actor";
import { authenticated } from "../auth/authorize";
import {
  ACTIONS,
  ACTION_TYPE_VALUES,
  CONTEXT_KEYS,
  PHASES,
  PROMPT_TYPES,
  actionJsonSchema,
} from "@/lib/domain/catalog";

/** The catalog as the API and the UI see it (built once; it is code, not data). */
const catalog: CatalogResponse = {
  phases: PHASES.map(({ value, name, label, description }) => ({ value, name, label, description })),
  contextKeys: CONTEXT_KEYS.map(({ value, label, description }) => ({ value, label, description })),
  actionTypes: ACTION_TYPE_VALUES.map((value) => ({
    value,
    label: ACTIONS[value].label,
    description: ACTIONS[value].description,
    paramsSchema: actionJsonSchema(value),
  })),
  promptTypes: PROMPT_TYPES.map(({ value, label, description }) => ({ value, label, description })),
};

/** Any authenticated caller (including resolve-only keys) may read the catalog. */
export function getCatalog(caller: Caller): CatalogResponse {
  authenticated(caller);
  return catalog;
}
