"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveVersion } from "@/app/prompts/actions";
import type { Status } from "@/components/ui/action-status";
import { createPromptSchema } from "@/lib/domain/schemas/prompt";
import { detailsOf, invalidRequestDetailsSchema, saveConflictDetailsSchema } from "@/lib/domain/schemas/error-details";
import { parseTemplate } from "@/lib/domain/template";
import type { PromptResponse } from "@/lib/domain/schemas/responses";
import type { DraftFields } from "./use-prompt-draft";

export type FieldIssues = Partial<Record<keyof DraftFields | "changeNote", string>>;

export function toCreateInput(phase: string | null, f: DraftFields, changeNote: string) {
  return {
    coachingPhase: phase,
    name: f.name,
    description: f.description,
    body: f.body,
    promptType: f.promptType,
    requiredContextKeys: f.requiredContextKeys,
    allowedActions: f.allowedActions,
    // Saving never serves by itself: production changes through a release.
    isActive: false,
    changeNote,
  };
}

/**
 * Saving as a new version: the same zod schema and template parser as the API first (instant
 * feedback), then the server action. A 409 `conflict` means someone saved after the author started;
 * it is handed to the caller to show the difference and ask before saving anyway.
 */
export function useSaveVersion(phase: string | null, slug: string) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [conflict, setConflict] = useState<PromptResponse | null>(null);

  async function save(
    fields: DraftFields,
    changeNote: string,
    expectedLatest: number | null,
    onSaved: () => void,
  ): Promise<void> {
    // The API accepts a version without a note (scripts, imports); people saving in the editor say why.
    if (changeNote.trim() === "") {
      setIssues({ changeNote: "Say what changed and why" });
      setStatus({ kind: "error", message: "Not saved: write a change note (what changed and why)." });
      return;
    }
    const input = toCreateInput(phase, fields, changeNote);
    const parsed = createPromptSchema.safeParse(input);
    if (!parsed.success) {
      const found: FieldIssues = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof FieldIssues] ??= issue.message;
      setIssues(found);
      setStatus({ kind: "error", message: `Not saved: ${Object.values(found)[0] ?? "check the form"}.` });
      return;
    }
    const syntax = parseTemplate(fields.body);
    if (!syntax.ok) {
      setIssues({ body: syntax.errors[0]?.message });
      setStatus({
        kind: "error",
        message: `Not saved: the body has ${syntax.errors.length} template error${syntax.errors.length === 1 ? "" : "s"} (see Problems).`,
      });
      return;
    }
    setIssues({});
    setSaving(true);
    setStatus({ kind: "info", message: "Saving…" });
    const res = await saveVersion(input, expectedLatest).catch(() => null);
    setSaving(false);
    if (!res)
      return setStatus({
        kind: "error",
        message: "Could not reach the server; nothing was saved. Your changes are kept in this browser.",
      });
    if (res.ok) {
      setConflict(null);
      onSaved();
      // Stay on the saved draft (not production), so it can be staged or proposed for release next.
      router.push(`/prompts/${slug}?saved=${res.data.version}&from=${res.data.version}`);
      return;
    }
    const latest = detailsOf(saveConflictDetailsSchema, res.error.details)?.latest;
    if (res.error.code === "conflict" && latest) {
      setStatus(null);
      setConflict(latest);
      return;
    }
    const serverIssues = detailsOf(invalidRequestDetailsSchema, res.error.details)?.issues ?? [];
    const found: FieldIssues = {};
    for (const issue of serverIssues) found[issue.path.split(".")[0] as keyof FieldIssues] ??= issue.message;
    setIssues(found);
    setStatus({ kind: "error", message: `Not saved: ${res.error.message}` });
  }

  return { save, saving, status, setStatus, issues, conflict, dismissConflict: () => setConflict(null) };
}
