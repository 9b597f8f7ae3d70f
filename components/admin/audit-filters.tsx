export interface AuditFilterValues {
  actor: string;
  action: string;
  target: string;
  since: string;
  until: string;
}

/**
 * The Audit page's filters as a plain GET form: every view is a link, and it works before (and
 * without) JavaScript. Times are UTC, like every time the app shows.
 */
export function AuditFilters({
  values,
  actions,
  actors,
}: {
  values: AuditFilterValues;
  actions: string[];
  actors: { id: string; label: string }[];
}) {
  return (
    <form className="card audit-filters" role="search" aria-label="Filter the audit log" method="get">
      <div className="field">
        <label htmlFor="audit-actor">Actor</label>
        <select id="audit-actor" name="actor" defaultValue={values.actor}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" name="action" defaultValue={values.action}>
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor="audit-target">Target</label>
        <input
          id="audit-target"
          name="target"
          defaultValue={values.target}
          placeholder="prompt id, phase, email…"
          maxLength={320}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-since">From (UTC)</label>
        <input id="audit-since" name="since" type="datetime-local" defaultValue={values.since} />
      </div>
      <div className="field">
        <label htmlFor="audit-until">Until (UTC)</label>
        <input id="audit-until" name="until" type="datetime-local" defaultValue={values.until} />
      </div>
      <button type="submit" className="primary">
        Filter
      </button>
      <a href="/admin/audit">Clear</a>
    </form>
  );
}
