"use client";

interface Props {
  value: string;
  onChange: (value: string) => void;
  issue?: string;
}

/**
 * What changed and why: stored once with the new version (never edited) and shown in the release
 * history and on release requests. Required in the editor; the description says what the prompt is for.
 */
export function ChangeNoteField({ value, onChange, issue }: Props) {
  return (
    <label className="change-note">
      <span>
        Change note <span className="hint">what changed and why (required; kept with the version)</span>
      </span>
      <textarea
        rows={2}
        maxLength={2000}
        value={value}
        aria-required
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? "change-note-error" : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {issue && (
        <span id="change-note-error" className="error">
          {issue}
        </span>
      )}
    </label>
  );
}
