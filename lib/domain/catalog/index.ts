/** The one typed catalog: phases, context keys, action types and prompt types. */
export * from "./phases";
export * from "./context-keys";
export * from "./actions";
export * from "./narrow";
