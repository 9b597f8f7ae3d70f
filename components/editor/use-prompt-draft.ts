"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/** Everything the author edits; saving turns it into a new version. */
export interface DraftFields {
  name: string;
  description: string;
  promptType: string;
  requiredContextKeys: string[];
  allowedActions: string[];
  body: string;
}

/** `latestAtStart`: the phase's latest version when editing began, for the stale-save check. */
interface StoredDraft {
  baseVersion: number | null;
  latestAtStart: number | null;
  savedAt: string;
  fields: DraftFields;
}

export interface DraftStart {
  /** The version whose content the form started from. */
  baseVersion: number | null;
  /** The phase's latest version when the author started: a save refuses if it changed since. */
  latestAtStart: number | null;
  /** True when the URL asked for a specific version (?from=N) rather than the latest. */
  explicitBase: boolean;
}

const storageKey = (phaseSlug: string) => `pm.draft.${phaseSlug}`;
const same = (a: DraftFields, b: DraftFields) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The editor's form state. Unsaved changes are also kept in localStorage (per phase, with the versions
 * they started from), so a closed tab, a crash or a back button never loses work: opening the phase
 * again restores them (unless another starting version is asked for explicitly). Even when others
 * saved meanwhile the stale-save check still compares with the latest version of back then.
 * Saving or discarding clears the copy.
 */
export function usePromptDraft(phaseSlug: string, start: DraftStart, initial: DraftFields) {
  const [fields, setFields] = useState<DraftFields>(initial);
  // Bumped whenever the text is replaced from outside the editor (restore, discard), so Monaco shows it.
  const [revision, setRevision] = useState(0);
  const [restored, setRestored] = useState<{
    at: string;
    baseVersion: number | null;
    latestAtStart: number | null;
  } | null>(null);
  // The version's content as the page delivered it: "dirty" means the form differs from it.
  const [pristine] = useState(initial);
  // Set once the draft is saved as a version: the pending debounced write must not bring it back.
  const finishedRef = useRef(false);
  const dirty = useMemo(() => !same(fields, pristine), [fields, pristine]);
  const baseVersion = restored ? restored.baseVersion : start.baseVersion;
  const latestAtStart = restored ? restored.latestAtStart : start.latestAtStart;

  // Restore after mount (localStorage does not exist during server rendering).
  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(storageKey(phaseSlug));
      if (!raw) return;
      const stored = JSON.parse(raw) as StoredDraft;
      const matches = start.explicitBase ? stored.baseVersion === start.baseVersion : true;
      if (matches && !same(stored.fields, pristine)) {
        // One-time restore from browser storage, which only exists after hydration.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setFields({ ...pristine, ...stored.fields });
        setRestored({
          at: stored.savedAt,
          baseVersion: stored.baseVersion,
          latestAtStart: stored.latestAtStart ?? null,
        });
        setRevision((r) => r + 1);
      }
    } catch {
      // A corrupt or foreign entry is ignored; the next edit overwrites it.
    }
  }, [phaseSlug, start.explicitBase, start.baseVersion, pristine]);

  // Persist shortly after typing stops; remove the copy once the form matches the saved version again.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (finishedRef.current) return;
      try {
        if (dirty) {
          const stored: StoredDraft = { baseVersion, latestAtStart, savedAt: new Date().toISOString(), fields };
          window.localStorage.setItem(storageKey(phaseSlug), JSON.stringify(stored));
        } else {
          window.localStorage.removeItem(storageKey(phaseSlug));
        }
      } catch {
        // Storage full or disabled: the unsaved-changes guard still protects the work.
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [fields, dirty, baseVersion, latestAtStart, phaseSlug]);

  const update = useCallback(<K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
  }, []);

  const clearStored = useCallback(() => {
    finishedRef.current = true;
    try {
      window.localStorage.removeItem(storageKey(phaseSlug));
    } catch {
      /* nothing to clear */
    }
  }, [phaseSlug]);

  const discard = useCallback(() => {
    clearStored();
    finishedRef.current = false;
    setFields(pristine);
    setRestored(null);
    setRevision((r) => r + 1);
  }, [clearStored, pristine]);

  return {
    fields,
    update,
    dirty,
    discard,
    clearStored,
    revision,
    restoredAt: restored?.at ?? null,
    baseVersion,
    latestAtStart,
  };
}
