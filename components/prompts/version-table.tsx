"use client";

import {
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import Link from "next/link";
import { phaseLabel, slugForPhase } from "@/lib/domain/authoring/phase-slug";
import { VERSION_TABLE_PAGE_SIZES, type VersionTableQuery } from "@/lib/domain/schemas/version-table";
import type { VersionTableItem } from "@/lib/domain/schemas/views";
import { formatTime } from "@/components/ui/format";
import { StatusBadge } from "./status-badge";
import { useUrlQuery } from "./use-url-query";

// Row = one version plus whether it is what its phase serves (worked out on the server).
type Row = VersionTableItem & { serving: boolean };

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const col = createColumnHelper<typeof features, Row>();
const columns = col.columns([
  col.accessor("phase", { id: "phase", header: "Phase", cell: (c) => phaseLabel(c.getValue()) }),
  col.accessor("version", {
    id: "version",
    header: "Version",
    cell: (c) => (
      <Link
        href={`/prompts/${slugForPhase(c.row.original.phase)}/v/${c.getValue()}`}
        aria-label={`${phaseLabel(c.row.original.phase)} version ${c.getValue()}`}
      >
        v{c.getValue()}
      </Link>
    ),
  }),
  col.accessor("name", {
    id: "name",
    header: "Name",
    cell: (c) => (
      <>
        {c.getValue() ?? <span className="muted">unnamed</span>}
        {c.row.original.description && <span className="cell-desc">{c.row.original.description}</span>}
      </>
    ),
  }),
  col.accessor("promptType", { id: "promptType", header: "Type" }),
  col.accessor("isActive", {
    id: "isActive",
    header: "Status",
    cell: (c) => <StatusBadge serving={c.row.original.serving} active={c.getValue()} />,
  }),
  col.accessor((r) => r.requiredContextKeys.length, { id: "keys", header: "Keys", enableSorting: false }),
  col.accessor((r) => r.allowedActions.length, { id: "actions", header: "Actions", enableSorting: false }),
  col.accessor("createdAt", {
    id: "createdAt",
    header: "Saved",
    cell: (c) => <span className="nowrap">{formatTime(c.getValue())}</span>,
  }),
]);

/**
 * The versions table. Sorting and paging are the server's (manual mode): the table state is read from
 * the URL and every change is a new URL, which the server component answers with the matching page.
 */
export function VersionTable({
  rows,
  total,
  capped,
  query,
}: {
  rows: Row[];
  total: number;
  capped: boolean;
  query: VersionTableQuery;
}) {
  const { navigate, pending } = useUrlQuery();
  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: query.page - 1, pageSize: query.size };

  const table = useTable({
    features,
    columns,
    data: rows,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [first] = functionalUpdate(updater, sorting);
      if (first) navigate({ sort: first.id, dir: first.desc ? "desc" : "asc", page: null });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const p = functionalUpdate(updater, pagination);
      navigate({ page: p.pageIndex ? String(p.pageIndex + 1) : null, size: String(p.pageSize) });
    },
  });

  const pageCount = table.getPageCount();
  return (
    <div className="version-table" aria-busy={pending}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Versions table">
        <table>
          <caption className="visually-hidden">
            Prompt versions, {total} matching; sorted by {query.sort}{" "}
            {query.dir === "desc" ? "descending" : "ascending"}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden className="sort-mark">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="muted">
                  No version matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <span>
          {total.toLocaleString("en-US")}
          {capped ? "+" : ""} version{total === 1 ? "" : "s"} · page {query.page} of {pageCount}
          {capped && <span className="hint"> · narrow the search to see the rest</span>}
        </span>
        <button type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
          « First
        </button>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          ‹ Previous
        </button>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next ›
        </button>
        <button type="button" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()}>
          Last »
        </button>
        <label className="inline">
          Rows per page
          <select value={query.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {VERSION_TABLE_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="hint" role="status">
          {pending ? "Loading…" : ""}
        </span>
      </nav>
    </div>
  );
}
