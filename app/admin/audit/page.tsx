import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { isAppError } from "@/lib/domain/errors";
import { requireCaller } from "@/lib/server/auth/session";
import type { AuditPageView as AuditPageData } from "@/lib/domain/schemas/account-responses";
import { auditPage } from "@/lib/server/services/audit-service";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");
// <input type="datetime-local"> sends "YYYY-MM-DDTHH:MM"; the app shows and takes times in UTC.
const utc = (v: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? `${v}:00Z` : v);

/** Admins read who did what: filter by actor, action, target and time; each change as a diff. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requireCaller("admin", "/admin/audit");
  const sp = await searchParams;
  const values: AuditFilterValues = {
    actor: one(sp.actor),
    action: one(sp.action),
    target: one(sp.target),
    since: one(sp.since),
    until: one(sp.until),
  };
  const query = Object.fromEntries(
    Object.entries({ ...values, since: utc(values.since), until: utc(values.until), before: one(sp.before) }).filter(
      ([, v]) => v !== "",
    ),
  );
  let data: AuditPageData | null = null;
  let error: string | null = null;
  try {
    data = await auditPage(caller, query);
  } catch (e) {
    if (!isAppError(e) || e.code !== "invalid_request") throw e;
    error = e.message;
  }
  const next = data?.nextCursor
    ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)), before: data.nextCursor })}`
    : null;

  return (
    <>
      <AppHeader caller={caller} />
      <main className="stack">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/admin">Admin</Link> / Audit log
        </nav>
        <h1>Audit log</h1>
        <AuditFilters values={values} actions={data?.actions ?? []} actors={data?.actors ?? []} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {data && <AuditTable items={data.items} />}
        {next && (
          <p>
            <Link href={next}>Older events →</Link>
          </p>
        )}
      </main>
    </>
  );
}
