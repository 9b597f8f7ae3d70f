/** Assembly of the final prompt text and response format sent to the model. */
export {
  assemblePrepared,
  assemblePrompt,
  type AssembleInput,
  type AssembledPrompt,
  type Provider,
  type SectionKind,
} from "./assemble";
export { preparePrompt, type PreparedPrompt, type PromptContent } from "./prepare";
export { responseFormatFor } from "./response-format";
export { missingContextKeys } from "./missing-context";
export { isTurnList, renderConversation, type ConversationTurn } from "./recent-conversation";
export { actionsSection } from "./sections";
