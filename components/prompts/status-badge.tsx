/** A version's state in words: serving (what resolve returns), active, or inactive. */
export function StatusBadge({ serving, active }: { serving: boolean; active: boolean }) {
  if (serving) return <span className="badge ok">Serving</span>;
  return active ? <span className="badge">Active</span> : <span className="badge off">Inactive</span>;
}
