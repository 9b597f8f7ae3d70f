"use client";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown (and the field marked invalid) once a submit found the note empty. */
  missingMessage: string | null;
}

/** A required free-text note in a confirmation dialog (a release's note, an emergency's reason). */
export function RequiredNoteField({ label, value, onChange, missingMessage }: Props) {
  return (
    <>
      <label>
        <span>{label}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={value}
          aria-invalid={missingMessage ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {missingMessage && <p className="error">{missingMessage}</p>}
    </>
  );
}
