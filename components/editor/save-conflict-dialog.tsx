"use client";

import { diffPromptMeta } from "@/lib/domain/authoring/meta-diff";
import type { PromptResponse } from "@/lib/domain/schemas/responses";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { BodyDiff } from "./body-diff";
import { MetaChanges } from "./meta-changes";
import type { KeyInfo } from "./template-language";
import type { DraftFields } from "./use-prompt-draft";

interface Props {
  latest: PromptResponse | null;
  latestAtStart: number | null;
  draft: DraftFields;
  keys: readonly KeyInfo[];
  saving: boolean;
  onSaveAnyway: () => void;
  onKeepEditing: () => void;
}

/** Someone saved while the author edited: show what the new version holds against the draft first. */
export function SaveConflictDialog({ latest, latestAtStart, draft, keys, saving, onSaveAnyway, onKeepEditing }: Props) {
  return (
    <ConfirmDialog
      open={latest !== null}
      wide
      title={latest ? `Version ${latest.version} was saved while you were editing` : ""}
      confirmLabel={latest ? `Save anyway as version ${latest.version + 1}` : "Save anyway"}
      cancelLabel="Keep editing"
      busy={saving}
      onConfirm={onSaveAnyway}
      onCancel={onKeepEditing}
    >
      {latest && (
        <>
          <p>
            When you started, the latest version was {latestAtStart === null ? "none" : `v${latestAtStart}`}. Someone
            has since saved v{latest.version}
            {latest.name ? ` (“${latest.name}”)` : ""}. Saving now makes your draft the newest version (a draft, not
            served); their changes below are not in your draft.
          </p>
          <h3>Other changes (v{latest.version} → your draft)</h3>
          <MetaChanges changes={diffPromptMeta(latest, draft)} />
          <h3>Body (v{latest.version} → your draft)</h3>
          {latest.body === draft.body ? (
            <p className="muted">The bodies are identical.</p>
          ) : (
            <BodyDiff
              original={latest.body}
              modified={draft.body}
              originalLabel={`v${latest.version} (saved by someone else)`}
              modifiedLabel="Your draft"
              keys={keys}
            />
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
