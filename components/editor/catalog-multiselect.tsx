"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

export interface CatalogOption {
  value: string;
  label: string;
  description: string;
}

interface Props {
  label: string;
  options: readonly CatalogOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  /** Shown under the label, e.g. why the list matters. */
  hint?: string;
}

/**
 * A searchable multiselect over catalog entries (ARIA combobox + multi-select listbox): type to filter
 * by value, label or description; ArrowUp/Down move, Enter toggles, Escape closes (then clears the
 * search), Backspace in an empty search removes the last choice. Focus stays in the input throughout.
 */
export function CatalogMultiselect({ label, options, selected, onChange, placeholder, hint }: Props) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? options.filter((o) => `${o.value} ${o.label} ${o.description}`.toLowerCase().includes(q)) : [...options];
  }, [options, query]);
  const chosen = new Set(selected);
  const activeOption = open ? matches[Math.min(active, matches.length - 1)] : undefined;
  const optionId = (value: string) => `${id}-opt-${value}`;

  const toggle = (value: string) => {
    onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };

  const move = (delta: number) => {
    if (!open) {
      setOpen(true);
      return;
    }
    if (!matches.length) return;
    const next = (Math.min(active, matches.length - 1) + delta + matches.length) % matches.length;
    setActive(next);
    document.getElementById(optionId(matches[next]!.value))?.scrollIntoView({ block: "nearest" });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        move(1);
        break;
      case "ArrowUp":
        e.preventDefault();
        move(-1);
        break;
      case "Home":
        if (open) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case "End":
        if (open) {
          e.preventDefault();
          setActive(Math.max(0, matches.length - 1));
        }
        break;
      case "Enter":
        if (open && activeOption) {
          e.preventDefault();
          toggle(activeOption.value);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        } else if (query) {
          e.preventDefault();
          setQuery("");
        }
        break;
      case "Backspace":
        if (!query && selected.length) onChange(selected.slice(0, -1));
        break;
    }
  };

  return (
    <div className="multiselect">
      <label htmlFor={`${id}-input`} className="field-label">
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ul className="chips" aria-label={`Selected ${label.toLowerCase()}`}>
        {selected.length === 0 && <li className="muted chip-empty">None selected</li>}
        {selected.map((value) => (
          <li key={value} className="chip">
            <code>{value}</code>
            <button type="button" className="chip-remove" aria-label={`Remove ${value}`} onClick={() => toggle(value)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combo">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(activeOption.value) : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          autoComplete="off"
          placeholder={placeholder ?? "Search…"}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setQuery("");
          }}
        />
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-multiselectable="true"
          aria-label={label}
          className="listbox"
          hidden={!open}
          // Chromium makes a scrollable box a Tab stop; Tab would land on this list, which closes on blur
          // and drops focus to <body>. Focus stays in the input (aria-activedescendant), so never here.
          tabIndex={-1}
        >
          {matches.length === 0 && (
            <li className="muted option-empty" role="presentation">
              No match for “{query}”
            </li>
          )}
          {matches.map((o) => (
            <li
              key={o.value}
              id={optionId(o.value)}
              role="option"
              aria-selected={chosen.has(o.value)}
              className={`option${activeOption?.value === o.value ? " active" : ""}`}
              // mousedown, not click: the input must keep focus so the list stays open for more picks.
              onMouseDown={(e) => {
                e.preventDefault();
                toggle(o.value);
                setActive(matches.indexOf(o));
              }}
            >
              <span className="check" aria-hidden>
                {chosen.has(o.value) ? "✓" : ""}
              </span>
              <span className="option-text">
                <code>{o.value}</code> <span className="option-label">{o.label}</span>
                <span className="option-desc">{o.description}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
