/** The 18 context keys a caller may send to resolve. The old system sent every value as text. */
export const CONTEXT_KEYS = [
  { value: "user_name", label: "User name", description: "The user's first name." },
  { value: "user_notes", label: "User notes", description: "Notes the coach keeps about the user (markdown list)." },
  {
    value: "identities",
    label: "Identities",
    description: "All of the user's identities with their state and category.",
  },
  {
    value: "number_of_identities",
    label: "Number of identities",
    description: "How many identities the user has (integer).",
  },
  { value: "identity_focus", label: "Identity focus", description: "The identity category currently in focus." },
  { value: "current_identity", label: "Current identity", description: "The identity being worked on right now." },
  { value: "current_phase", label: "Current phase", description: "The user's current coaching phase." },
  {
    value: "who_you_are",
    label: "Who you are",
    description: 'Words the user chose for who they are today (joined with ", ").',
  },
  {
    value: "who_you_want_to_be",
    label: "Who you want to be",
    description: "Words the user chose for who they want to become.",
  },
  { value: "current_message", label: "Current message", description: "The user's latest message." },
  {
    value: "previous_message",
    label: "Previous message",
    description: "The coach's message before the latest user message.",
  },
  { value: "recent_messages", label: "Recent messages", description: "The recent conversation, oldest first." },
  { value: "focused_identities", label: "Focused identities", description: "Identities in the category in focus." },
  { value: "refinement_identities", label: "Refinement identities", description: "Identities waiting for refinement." },
  {
    value: "affirmation_identities",
    label: "Affirmation identities",
    description: "Identities waiting for an affirmation.",
  },
  {
    value: "visualization_identities",
    label: "Visualization identities",
    description: "Identities waiting for a visualization.",
  },
  {
    value: "brainstorming_category_context",
    label: "Brainstorming category context",
    description: "Guidance for the identity category being brainstormed.",
  },
  { value: "asked_questions", label: "Asked questions", description: "Get-to-know-you questions already asked." },
] as const;

export type ContextKey = (typeof CONTEXT_KEYS)[number]["value"];
export const CONTEXT_KEY_VALUES = CONTEXT_KEYS.map((k) => k.value) as unknown as readonly [ContextKey, ...ContextKey[]];

const KEY_SET: ReadonlySet<string> = new Set(CONTEXT_KEY_VALUES);
export function isContextKey(value: string): value is ContextKey {
  return KEY_SET.has(value);
}
