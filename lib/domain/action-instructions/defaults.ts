import type { ActionType } from "../catalog";
import type { ActionWording } from "./index";

const identityId = "Id of the identity, as listed in the identities you were given";
const categoryText = "The identity category";

/** The project's own wording for every action (the old system's can be imported instead). */
export const DEFAULT_ACTION_WORDINGS: Record<ActionType, ActionWording> = {
  create_identity: {
    instruction:
      "Create a new identity for the user, only once the user has agreed to it. Never create an identity the user already has or has not asked for.",
    fieldDescriptions: {
      "": "The new identity.",
      "name": "A short name for the identity, e.g. 'Curious Explorer'",
      "note": "Why this identity is being created, in a sentence",
      "category": "The identity category it belongs to",
    },
  },
  update_identity: {
    instruction:
      "Replace an existing identity with its complete new state. Send every field, including the ones that do not change.",
    fieldDescriptions: {
      "": "The identity's complete new state.",
      "id": identityId,
      "name": "The identity's name",
      "affirmation": "The identity's 'I am' statement",
      "visualization": "A vivid picture of the user living this identity",
      "state": "Where the identity is in the coaching process",
      "notes": "Notes to add to the identity's existing notes",
      "category": categoryText,
    },
  },
  update_identity_name: {
    instruction: "Rename an existing identity.",
    fieldDescriptions: { "": "The identity and its new name.", "id": identityId, "name": "The new name" },
  },
  update_identity_affirmation: {
    instruction: "Set the 'I am' statement of an existing identity.",
    fieldDescriptions: {
      "": "The identity and its affirmation.",
      "id": identityId,
      "affirmation": "An 'I am' statement with a short explanation",
    },
  },
  update_identity_visualization: {
    instruction: "Set the visualization of an existing identity.",
    fieldDescriptions: {
      "": "The identity and its visualization.",
      "id": identityId,
      "visualization": "A vivid scene of the user living this identity, used to create its image",
    },
  },
  accept_identity: {
    instruction: "Mark an identity as accepted once the user has confirmed it.",
    fieldDescriptions: { "": "The identity to accept.", "id": identityId },
  },
  accept_identity_refinement: {
    instruction: "Mark an identity's refinement as complete.",
    fieldDescriptions: { "": "The refined identity.", "id": identityId },
  },
  accept_identity_affirmation: {
    instruction: "Mark an identity's affirmation as complete.",
    fieldDescriptions: { "": "The affirmed identity.", "id": identityId },
  },
  accept_identity_visualization: {
    instruction: "Mark an identity's visualization as complete.",
    fieldDescriptions: { "": "The visualized identity.", "id": identityId },
  },
  add_identity_note: {
    instruction: "Attach a note to an identity.",
    fieldDescriptions: { "": "The identity and the note.", "id": identityId, "note": "The note to attach" },
  },
  transition_phase: {
    instruction: "Move the user on to the next coaching phase when the current one is complete.",
    fieldDescriptions: {
      "": "The phase to move to.",
      "to_phase": "The coaching phase to move to (never system_context: it is not a phase a user is in)",
    },
  },
  select_identity_focus: {
    instruction: "Choose the identity category the conversation focuses on next.",
    fieldDescriptions: { "": "The category to focus on.", "new_focus": "The identity category to focus on" },
  },
  skip_identity_category: {
    instruction: "Skip an identity category the user does not want to explore now.",
    fieldDescriptions: { "": "The category to skip.", "category": "The identity category to skip" },
  },
  unskip_identity_category: {
    instruction: "Bring back an identity category that was skipped earlier.",
    fieldDescriptions: { "": "The category to bring back.", "category": "The identity category to bring back" },
  },
  update_who_you_are: {
    instruction:
      "Set the list of words for who the user is today. Send the whole list as it should be, not only the changes.",
    fieldDescriptions: { "": "The whole list.", "who_you_are": "Every word or phrase for who the user is" },
  },
  update_who_you_want_to_be: {
    instruction:
      "Set the list of words for who the user wants to be. Send the whole list as it should be, not only the changes.",
    fieldDescriptions: {
      "": "The whole list.",
      "who_you_want_to_be": "Every word or phrase for who the user wants to be",
    },
  },
  update_asked_questions: {
    instruction:
      "Record which get-to-know-you questions have been asked. Send every question asked so far, not only the new ones.",
    fieldDescriptions: {
      "": "The questions asked so far.",
      "asked_questions": "Every question asked so far",
      "asked_questions[]": "A get-to-know-you question",
    },
  },
  set_current_identity: {
    instruction: "Choose the identity the conversation works on next.",
    fieldDescriptions: { "": "The identity to work on.", "identity_id": identityId },
  },
  add_user_note: {
    instruction: "Remember lasting facts about the user for later conversations.",
    fieldDescriptions: { "": "The notes to add.", "notes": "One entry per fact; each becomes a note of its own" },
  },
  update_user_note: {
    instruction: "Rewrite existing user notes, found by their id.",
    fieldDescriptions: {
      "": "The notes to rewrite.",
      "notes": "Each note to rewrite with its new text",
      "notes[].id": "Id of the user note",
      "notes[].note": "The note's new text",
    },
  },
  delete_user_note: {
    instruction: "Forget user notes that are wrong or no longer true, found by their id.",
    fieldDescriptions: { "": "The notes to delete.", "ids": "Ids of the user notes to delete" },
  },
  show_introduction_canned_response_component: {
    instruction:
      "Show the user answer buttons in the app while you ask a question in the introduction, so they can reply with one tap.",
    fieldDescriptions: {
      "": "Whether to show the buttons.",
      "show_introduction_canned_response_component": "true to show the answer buttons with this message",
    },
  },
};
