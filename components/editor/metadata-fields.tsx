"use client";

import { useMemo } from "react";
import { parseTemplate } from "@/lib/domain/template";
import { CatalogMultiselect, type CatalogOption } from "./catalog-multiselect";
import type { FieldIssues } from "./use-save-version";
import type { DraftFields } from "./use-prompt-draft";

export interface EditorCatalog {
  contextKeys: CatalogOption[];
  actionTypes: CatalogOption[];
  promptTypes: CatalogOption[];
}

interface Props {
  fields: DraftFields;
  update: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void;
  catalog: EditorCatalog;
  issues: FieldIssues;
}

/** Name, type, description, required context keys (with "add keys used in the body") and allowed actions. */
export function MetadataFields({ fields, update, catalog, issues }: Props) {
  const unlisted = useMemo(() => {
    const parsed = parseTemplate(fields.body);
    if (!parsed.ok) return [];
    const known = new Set(catalog.contextKeys.map((k) => k.value));
    return parsed.keys.filter((k) => known.has(k) && !fields.requiredContextKeys.includes(k));
  }, [fields.body, fields.requiredContextKeys, catalog.contextKeys]);

  const err = (key: keyof DraftFields) =>
    issues[key] && (
      <span className="error" id={`err-${key}`}>
        {issues[key]}
      </span>
    );

  return (
    <div className="metadata">
      <div className="row">
        <label className="grow">
          Name
          <input
            value={fields.name}
            maxLength={255}
            onChange={(e) => update("name", e.target.value)}
            aria-invalid={Boolean(issues.name) || undefined}
            aria-describedby={issues.name ? "err-name" : undefined}
          />
          {err("name")}
        </label>
        <label>
          Type
          <select value={fields.promptType} onChange={(e) => update("promptType", e.target.value)}>
            {catalog.promptTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        <span>
          Description <span className="hint">what this prompt is for (carries over to new versions)</span>
        </span>
        <textarea rows={2} value={fields.description} onChange={(e) => update("description", e.target.value)} />
      </label>
      <div className="row keys-row">
        <div className="grow">
          <CatalogMultiselect
            label="Required context keys"
            hint="Callers must send these; resolve fails with the missing ones listed."
            options={catalog.contextKeys}
            selected={fields.requiredContextKeys}
            onChange={(next) => update("requiredContextKeys", next)}
            placeholder="Search context keys…"
          />
          <button
            type="button"
            className="small"
            disabled={unlisted.length === 0}
            onClick={() => update("requiredContextKeys", [...fields.requiredContextKeys, ...unlisted])}
            title={unlisted.length ? `Adds ${unlisted.join(", ")}` : "Every key the body uses is already required"}
          >
            Add keys used in the body{unlisted.length ? ` (${unlisted.length})` : ""}
          </button>
          {err("requiredContextKeys")}
        </div>
        <div className="grow">
          <CatalogMultiselect
            label="Allowed actions"
            hint="The model may only answer with these actions; none means message only."
            options={catalog.actionTypes}
            selected={fields.allowedActions}
            onChange={(next) => update("allowedActions", next)}
            placeholder="Search actions…"
          />
          {err("allowedActions")}
        </div>
      </div>
    </div>
  );
}
