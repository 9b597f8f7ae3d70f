/** Coaching phases: stored lowercase values, enum names as the old Django system spelled them. */
export const PHASES = [
  {
    value: "system_context",
    name: "SYSTEM_CONTEXT",
    label: "System context",
    userPhase: false,
    description: "Shared system prompt placed before every phase prompt; not a phase a user is in.",
  },
  {
    value: "introduction",
    name: "INTRODUCTION",
    label: "Introduction",
    userPhase: true,
    description: "First conversation: the coach introduces itself and the programme.",
  },
  {
    value: "get_to_know_you",
    name: "GET_TO_KNOW_YOU",
    label: "Get to know you",
    userPhase: true,
    description: "The coach learns about the user's background, family, work and hopes.",
  },
  {
    value: "identity_warm_up",
    name: "IDENTITY_WARMUP",
    label: "Identity warm-up",
    userPhase: true,
    description: "Collects who the user is today and who they want to be.",
  },
  {
    value: "identity_brainstorming",
    name: "IDENTITY_BRAINSTORMING",
    label: "Identity brainstorming",
    userPhase: true,
    description: "Proposes identities category by category.",
  },
  {
    value: "identity_refinement",
    name: "IDENTITY_REFINEMENT",
    label: "Identity refinement",
    userPhase: true,
    description: "Sharpens each accepted identity's name and notes.",
  },
  {
    value: "identity_affirmation",
    name: "IDENTITY_AFFIRMATION",
    label: "Identity affirmation",
    userPhase: true,
    description: "Writes an affirmation for each identity.",
  },
  {
    value: "identity_visualization",
    name: "IDENTITY_VISUALIZATION",
    label: "Identity visualization",
    userPhase: true,
    description: "Writes a visualization for each identity.",
  },
] as const;

export type Phase = (typeof PHASES)[number]["value"];
export const PHASE_VALUES = PHASES.map((p) => p.value) as unknown as readonly [Phase, ...Phase[]];
export const SYSTEM_CONTEXT_PHASE: Phase = "system_context";

/** Accepts the stored value or the enum name, any case ("IDENTITY_WARMUP", "identity_warm_up"). */
export function parsePhase(input: string): Phase | undefined {
  const wanted = input.trim().toLowerCase();
  return PHASES.find((p) => p.value === wanted || p.name.toLowerCase() === wanted)?.value;
}

export const PROMPT_TYPES = [
  { value: "coach", label: "Coach", description: "A coaching phase prompt (the default)." },
  {
    value: "sentinel",
    label: "Sentinel",
    description: "Prompt for the sentinel agent that watches the conversation; usually has no phase.",
  },
  { value: "system", label: "System", description: "System-level prompt." },
] as const;
export type PromptType = (typeof PROMPT_TYPES)[number]["value"];
export const PROMPT_TYPE_VALUES = PROMPT_TYPES.map((t) => t.value) as unknown as readonly [PromptType, ...PromptType[]];

/**
 * The type a new prompt gets when none is given: the one rule for the API, the CLIs and the editor.
 * A phase's prompts are coach prompts — system_context included, as the old system stored it (every
 * system_context row of its dump is `coach`); a prompt without a phase is most often the sentinel.
 */
export function defaultPromptType(phase: Phase | null): PromptType {
  return phase === null ? "sentinel" : "coach";
}
