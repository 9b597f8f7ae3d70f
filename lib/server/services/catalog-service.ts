import "server-only";
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

export interface CatalogEntry {
  value: string;
  label: string;
  description: string;
}

/** The catalog as the API and the UI see it (built once; it is code, not data). */
const catalog = {
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
export function getCatalog(caller: Caller) {
  authenticated(caller);
  return catalog;
}
