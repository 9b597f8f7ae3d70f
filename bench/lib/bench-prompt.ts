// The prompt the bench resolves: about 7 KB of body with 6 placeholders and 5 allowed actions, the
// shape of a large real phase prompt (the demo prompts are far smaller and would flatter the figures).
export const BENCH_PHASE = "identity_brainstorming";
/** The phase the invalidation probes save to: another than the resolve load's, which they would change. */
export const INVALIDATION_PHASE = "identity_affirmation";

const PLACEHOLDERS = [
  "user_name",
  "identities",
  "identity_focus",
  "brainstorming_category_context",
  "who_you_are",
  "who_you_want_to_be",
] as const;
const ACTIONS = ["create_identity", "update_identity", "accept_identity", "select_identity_focus", "transition_phase"];

const GUIDANCE = [
  "Ask one open question at a time and wait for the answer before moving on; never stack questions.",
  "Reflect back what you heard in the user's own words before you offer any suggestion of your own.",
  'Keep identities short, positive and in the first person, such as "I am a patient parent".',
  "When the user hesitates, offer two or three concrete examples drawn from what they already told you.",
  "Do not judge or rank identities; every identity the user proposes is worth exploring further.",
  "If the user drifts off topic, acknowledge it warmly and steer back to the current category.",
  "Summarise progress every few turns so the user can see how far they have come in this phase.",
  "Use the user's name sparingly, at most once every few messages, so it keeps its warmth.",
];

function bodyText(): string {
  const sections: string[] = [
    "You are an identity coach in the brainstorming phase. You are talking with {user_name}.",
    "Identities gathered so far: {identities}. The current focus is {identity_focus}.",
    "Context for the current category, as prepared by the product: {brainstorming_category_context}",
    "How {user_name} describes themselves today: {who_you_are}. Who they want to become: {who_you_want_to_be}.",
  ];
  for (let i = 1; sections.join("\n\n").length < 7_000; i++) {
    const rule = GUIDANCE[i % GUIDANCE.length];
    sections.push(
      `Guideline ${i}. ${rule} Remember that this conversation is about the person in front of you, ` +
        "their values and their own language; your role is to help them put into words who they are becoming.",
    );
  }
  return sections.join("\n\n");
}

export const benchPrompt = {
  coachingPhase: BENCH_PHASE,
  name: "Bench: identity brainstorming (7 KB)",
  body: bodyText(),
  requiredContextKeys: [...PLACEHOLDERS],
  allowedActions: ACTIONS,
};

export const resolveRequest = {
  phase: BENCH_PHASE,
  context: {
    user_name: "Ada",
    identities: ["curious learner", "caring sister", "brave founder"],
    identity_focus: "work",
    brainstorming_category_context: "Work: roles, craft and the kind of colleague the user wants to be.",
    who_you_are: ["kind", "curious", "stubborn"],
    who_you_want_to_be: "a calm and generous leader",
  },
};
