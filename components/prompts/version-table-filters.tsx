"use client";

import { useEffect, useRef, useState } from "react";
import { useUrlQuery } from "./use-url-query";

interface Option {
  value: string;
  label: string;
}

/**
 * The versions table's filters. They live in the URL (the server component reads them), so every view
 * can be linked and reloaded; typing in search waits 300 ms before asking. "/" focuses the search.
 * Without JavaScript the form still works as a plain GET form.
 */
export function VersionTableFilters({ phases, types }: { phases: Option[]; types: Option[] }) {
  const { params, navigate, pending } = useUrlQuery();
  const [q, setQ] = useState(params.get("q") ?? "");
  const searchRef = useRef<HTMLInputElement>(null);

  // A new filter starts on page 1; filters replace the history entry rather than piling up.
  const apply = (changes: Record<string, string>) => navigate({ ...changes, page: null }, { replace: true });
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });

  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const timer = window.setTimeout(() => applyRef.current({ q }), 300);
    return () => window.clearTimeout(timer);
  }, [q, params]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) && !t.isContentEditable) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Label beside (not around) the select, so its accessible name is the label alone.
  const select = (name: string, label: string, options: Option[], any: string) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select
        id={`filter-${name}`}
        name={name}
        value={params.get(name) ?? ""}
        onChange={(e) => apply({ [name]: e.target.value })}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="table-filters"
      role="search"
      aria-label="Filter versions"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ q });
      }}
      aria-busy={pending}
    >
      <label className="grow">
        <span>
          Search name, description and body{" "}
          <span className="hint">
            (press <kbd>/</kbd>)
          </span>
        </span>
        <input
          ref={searchRef}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="e.g. affirmation"
          maxLength={200}
        />
      </label>
      {select("phase", "Phase", phases, "Any phase")}
      {select("type", "Type", types, "Any type")}
      {select(
        "active",
        "Status",
        [
          { value: "true", label: "Active" },
          { value: "false", label: "Inactive" },
        ],
        "Active or not",
      )}
      <button type="submit">Search</button>
      <span className="hint" role="status">
        {pending ? "Loading…" : ""}
      </span>
    </form>
  );
}
