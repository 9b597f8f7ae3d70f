import type { UnknownValueKind } from "@/lib/domain/schemas/import";

/** Catalog values the import screens offer, passed down from the server page. */
export interface CatalogOptions {
  phases: { value: string; label: string }[];
  promptTypes: { value: string; label: string }[];
  values: Record<UnknownValueKind, string[]>;
}
