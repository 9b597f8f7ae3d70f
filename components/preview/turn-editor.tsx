"use client";

export interface Turn {
  role: "user" | "coach";
  content: string;
}

/**
 * recent_messages as structured turns, the way the old backend sends them: rendered as the old
 * "Recent conversation" block. With no turns, the text field above is used as is.
 */
export function TurnEditor({ turns, onChange }: { turns: Turn[]; onChange: (turns: Turn[]) => void }) {
  const set = (i: number, turn: Turn) => onChange(turns.map((t, j) => (j === i ? turn : t)));
  return (
    <fieldset className="turn-editor" aria-label="Conversation turns">
      <legend>Conversation turns</legend>
      {turns.map((turn, i) => (
        <div key={i} className="turn">
          <label>
            Speaker {i + 1}
            <select value={turn.role} onChange={(e) => set(i, { ...turn, role: e.target.value as Turn["role"] })}>
              <option value="user">User</option>
              <option value="coach">Coach</option>
            </select>
          </label>
          <label>
            Message {i + 1}
            <textarea rows={2} value={turn.content} onChange={(e) => set(i, { ...turn, content: e.target.value })} />
          </label>
          <button type="button" onClick={() => onChange(turns.filter((_, j) => j !== i))}>
            Remove turn {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...turns, { role: turns.at(-1)?.role === "user" ? "coach" : "user", content: "" }])}
      >
        Add turn
      </button>
    </fieldset>
  );
}
