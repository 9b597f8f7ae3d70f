import { z } from "zod";
import { PHASE_VALUES } from "./phases";

export const IDENTITY_CATEGORIES = [
  "passions_and_talents",
  "maker_of_money",
  "keeper_of_money",
  "spiritual",
  "personal_appearance",
  "physical_expression",
  "familial_relations",
  "romantic_relation",
  "doer_of_things",
] as const;
export const IDENTITY_STATES = [
  "proposed",
  "accepted",
  "refinement_complete",
  "affirmation_complete",
  "visualization_complete",
] as const;
export const GET_TO_KNOW_YOU_QUESTIONS = [
  "background_upbringing",
  "family_structure",
  "work_living",
  "hobbies_interests",
  "why_here_hopes",
] as const;

const category = z.enum(IDENTITY_CATEGORIES);
// Plain strings, as in the old models: a model answer with "" must still parse where the old handler's did.
const id = z.string();
const strings = z.array(z.string());

// Every action's payload is {"params": {...}} with no extra fields, as in the old system.
function action<T extends z.ZodRawShape>(label: string, description: string, params: T) {
  return { label, description, schema: z.strictObject({ params: z.strictObject(params) }) };
}

export const ACTIONS = {
  create_identity: action("Create identity", "Propose a new identity for the user.", {
    name: z.string(),
    note: z.string(),
    category,
  }),
  // Every field is required, as in the old model: the answer carries the identity's complete new state.
  update_identity: action("Update identity", "Replace every field of an existing identity.", {
    id,
    name: z.string(),
    affirmation: z.string(),
    visualization: z.string(),
    state: z.enum(IDENTITY_STATES),
    notes: strings,
    category,
  }),
  update_identity_name: action("Update identity name", "Rename an identity.", { id, name: z.string() }),
  update_identity_affirmation: action("Update identity affirmation", "Set an identity's affirmation.", {
    id,
    affirmation: z.string(),
  }),
  update_identity_visualization: action("Update identity visualization", "Set an identity's visualization.", {
    id,
    visualization: z.string(),
  }),
  accept_identity: action("Accept identity", "Mark a proposed identity as accepted by the user.", { id }),
  accept_identity_refinement: action("Accept identity refinement", "Mark an identity's refinement complete.", { id }),
  accept_identity_affirmation: action("Accept identity affirmation", "Mark an identity's affirmation complete.", {
    id,
  }),
  accept_identity_visualization: action("Accept identity visualization", "Mark an identity's visualization complete.", {
    id,
  }),
  add_identity_note: action("Add identity note", "Attach a note to an identity.", { id, note: z.string() }),
  // The old model's enum includes system_context (it is every phase value), and the old handler's
  // validation follows it, so ours does too; the default wording tells the model not to pick it.
  transition_phase: action("Transition phase", "Move the user to another coaching phase.", {
    to_phase: z.enum(PHASE_VALUES),
  }),
  select_identity_focus: action("Select identity focus", "Focus the conversation on an identity category.", {
    new_focus: category,
  }),
  skip_identity_category: action("Skip identity category", "Skip an identity category for now.", { category }),
  unskip_identity_category: action("Unskip identity category", "Bring a skipped identity category back.", { category }),
  update_who_you_are: action("Update who you are", "Replace the list of words for who the user is.", {
    who_you_are: strings,
  }),
  update_who_you_want_to_be: action(
    "Update who you want to be",
    "Replace the list of words for who the user wants to be.",
    { who_you_want_to_be: strings },
  ),
  update_asked_questions: action("Update asked questions", "Record which get-to-know-you questions were asked.", {
    asked_questions: z.array(z.enum(GET_TO_KNOW_YOU_QUESTIONS)),
  }),
  set_current_identity: action("Set current identity", "Choose the identity to work on next.", { identity_id: id }),
  add_user_note: action("Add user note", "Remember new facts about the user.", { notes: strings }),
  update_user_note: action("Update user note", "Rewrite existing user notes.", {
    notes: z.array(z.strictObject({ id, note: z.string() })),
  }),
  delete_user_note: action("Delete user note", "Forget user notes by id.", { ids: strings }),
  show_introduction_canned_response_component: action(
    "Show introduction canned response",
    "Show the canned introduction component in the app.",
    { show_introduction_canned_response_component: z.boolean() },
  ),
} as const;

export type ActionType = keyof typeof ACTIONS;
export const ACTION_TYPE_VALUES = Object.keys(ACTIONS) as unknown as readonly [ActionType, ...ActionType[]];

export function isActionType(value: string): value is ActionType {
  return Object.hasOwn(ACTIONS, value);
}

const jsonSchemaCache = new Map<ActionType, Record<string, unknown>>();
/** JSON Schema (draft 2020-12, without `$schema`) of an action's `{params}` payload. */
export function actionJsonSchema(type: ActionType): Record<string, unknown> {
  let schema = jsonSchemaCache.get(type);
  if (!schema) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(ACTIONS[type].schema) as Record<string, unknown>;
    schema = rest;
    jsonSchemaCache.set(type, schema);
  }
  return schema;
}
