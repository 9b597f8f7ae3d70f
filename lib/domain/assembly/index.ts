/** Assembly of the final prompt text and response format sent to the model. */
export { assemblePrompt, type AssembleInput, type AssembledPrompt, type Provider, type SectionKind } from "./assemble";
export { responseFormatFor } from "./response-format";
export { missingContextKeys } from "./missing-context";
