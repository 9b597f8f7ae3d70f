import { describe, expect, it } from "vitest";
import { actionJsonSchema, type ActionType } from "../catalog";
import { AppError } from "../errors";
import { assemblePrompt, type AssembleInput, type SectionKind } from "./index";

function input(
  overrides: Partial<AssembleInput> & { body?: string; required?: string[]; actions?: ActionType[] } = {},
): AssembleInput {
  const { body = "Coach {user_name}.", required = ["user_name"], actions = [], ...rest } = overrides;
  return {
    systemContext: { body: "You are a coach." },
    prompt: { body, requiredContextKeys: required, allowedActions: actions },
    context: { user_name: "Ana" },
    provider: "openai",
    ...rest,
  };
}

const kinds = (input: AssembleInput): SectionKind[] => assemblePrompt(input).sections.map((s) => s.kind);
const section = (input: AssembleInput, kind: SectionKind) =>
  assemblePrompt(input).sections.find((s) => s.kind === kind)?.text;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("assemblePrompt: sections", () => {
  const full = input({
    actions: ["add_user_note"],
    context: { user_name: "Ana", user_notes: "- likes tea", recent_messages: "user: hi\ncoach: hello" },
  });

  it("orders system context, user notes, body, actions, recent conversation and joins them with blank lines", () => {
    const result = assemblePrompt(full);
    expect(result.sections.map((s) => s.kind)).toEqual([
      "system_context",
      "user_notes",
      "body",
      "actions",
      "recent_messages",
    ]);
    expect(result.text).toBe(result.sections.map((s) => s.text).join("\n\n"));
    expect(result.sections[0]?.text).toBe("You are a coach.");
    expect(result.sections[1]?.text).toBe("## User notes\n- likes tea");
    expect(result.sections[2]?.text).toBe("Coach Ana.");
    expect(result.sections[4]?.text).toBe("## Recent conversation\nuser: hi\ncoach: hello");
  });

  it("inserts the system context as is, without formatting it", () => {
    const raw = "Braces stay: {user_name} {{x}} }\n";
    expect(section(input({ systemContext: { body: raw } }), "system_context")).toBe(raw);
  });

  it("omits the system context when there is none or it is blank", () => {
    expect(kinds(input({ systemContext: null }))).toEqual(["body"]);
    expect(kinds(input({ systemContext: { body: " \n\t" } }))).toEqual(["body"]);
  });

  it("omits a body that renders blank", () => {
    expect(kinds(input({ body: "  {user_name}  ", context: { user_name: "\n" } }))).toEqual(["system_context"]);
  });

  it("does not add user notes or recent messages as sections when the body places them", () => {
    const placed = input({
      body: "Notes: {user_notes}\nChat: {recent_messages}",
      required: [],
      context: { user_notes: "- likes tea", recent_messages: "user: hi" },
    });
    expect(kinds(placed)).toEqual(["system_context", "body"]);
    expect(section(placed, "body")).toBe("Notes: - likes tea\nChat: user: hi");
  });

  it.each<[string, unknown]>([
    ["absent", undefined],
    ["null", null],
    ["blank", "  \n "],
    ["an empty list", []],
  ])("omits the user notes and recent conversation sections when the value is %s", (_label, value) => {
    const context: Record<string, unknown> = { user_name: "Ana" };
    if (value !== undefined) Object.assign(context, { user_notes: value, recent_messages: value });
    expect(kinds(input({ context }))).toEqual(["system_context", "body"]);
  });

  it("formats non-string user notes with formatValue", () => {
    expect(section(input({ context: { user_name: "Ana", user_notes: ["tea", "dogs"] } }), "user_notes")).toBe(
      "## User notes\ntea, dogs",
    );
  });

  it("ignores context keys nobody uses", () => {
    expect(assemblePrompt(input({ context: { user_name: "Ana", identities: "x", whatever: 1 } })).text).toBe(
      "You are a coach.\n\nCoach Ana.",
    );
  });
});

describe("assemblePrompt: actions and response format", () => {
  it("lists each allowed action with name, description and payload schema, in the given order", () => {
    const text = section(input({ actions: ["transition_phase", "add_user_note"] }), "actions") ?? "";
    expect(text.startsWith("## Available actions\n")).toBe(true);
    expect(text).toContain('"message" string');
    const transition = text.indexOf("### transition_phase\nMove the user to another coaching phase.\n");
    const note = text.indexOf("### add_user_note\nRemember new facts about the user.\n");
    expect(transition).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(transition);
    expect(text).toContain(JSON.stringify(actionJsonSchema("add_user_note"), null, 2));
    expect(text).not.toContain("### create_identity");
  });

  it("has no actions section and a message-only format when no actions are allowed (unlike the old system)", () => {
    const result = assemblePrompt(input({ actions: [] }));
    expect(result.sections.map((s) => s.kind)).not.toContain("actions");
    expect(result.responseFormat).toEqual({
      type: "object",
      properties: { message: { type: "string" } },
      required: ["message"],
      additionalProperties: false,
    });
  });

  it("lists a duplicated action once", () => {
    const result = assemblePrompt(input({ actions: ["add_user_note", "add_user_note"] }));
    expect(result.text.split("### add_user_note").length).toBe(2);
    expect(Object.keys(result.responseFormat.properties as object)).toEqual(["message", "add_user_note"]);
  });

  it("for openai returns the schema only separately", () => {
    const result = assemblePrompt(input({ actions: ["add_user_note"], provider: "openai" }));
    expect(result.text).not.toContain("Respond with a single JSON object matching this JSON Schema:");
    expect(result.text).not.toContain(JSON.stringify(result.responseFormat, null, 2));
    expect((result.responseFormat.properties as Record<string, unknown>).add_user_note).toEqual(
      actionJsonSchema("add_user_note"),
    );
  });

  it("for anthropic ends the actions section with the full response schema", () => {
    const result = assemblePrompt(input({ actions: ["add_user_note"], provider: "anthropic" }));
    const actions = result.sections.find((s) => s.kind === "actions")?.text ?? "";
    const tail = `\n\nRespond with a single JSON object matching this JSON Schema:\n${JSON.stringify(result.responseFormat, null, 2)}`;
    expect(actions.endsWith(tail)).toBe(true);
    expect(actions.startsWith("## Available actions")).toBe(true);
  });

  it("for anthropic without actions still sends the schema, as an actions section before the conversation", () => {
    const result = assemblePrompt(
      input({ provider: "anthropic", context: { user_name: "Ana", recent_messages: "user: hi" } }),
    );
    expect(result.sections.map((s) => s.kind)).toEqual(["system_context", "body", "actions", "recent_messages"]);
    expect(result.sections[2]?.text).toBe(
      `Respond with a single JSON object matching this JSON Schema:\n${JSON.stringify(result.responseFormat, null, 2)}`,
    );
    expect(result.text).not.toContain("## Available actions");
  });
});

describe("assemblePrompt: errors", () => {
  it("lists every missing required key and body placeholder, sorted, before rendering", () => {
    const error = thrown(() =>
      assemblePrompt(
        input({
          body: "{user_name} {identity_focus} {current_identity}",
          required: ["user_name", "who_you_are", "current_phase"],
          context: { user_name: "Ana", current_phase: null, current_identity: undefined },
        }),
      ),
    );
    expect(error.code).toBe("missing_context");
    expect(error.message).toBe("Missing context keys: current_identity, current_phase, identity_focus, who_you_are");
    expect(error.details).toEqual({ missing: ["current_identity", "current_phase", "identity_focus", "who_you_are"] });
  });

  it("does not treat required user notes as optional just because they could be a section", () => {
    expect(thrown(() => assemblePrompt(input({ required: ["user_name", "user_notes"] }))).details).toEqual({
      missing: ["user_notes"],
    });
  });

  it("rejects a body that does not parse with invalid_template, before checking context", () => {
    const error = thrown(() => assemblePrompt(input({ body: "Hi {user_name}\n{0}", context: {} })));
    expect(error.code).toBe("invalid_template");
    expect(error.message).toMatch(/at line 2, column 1$/);
  });
});
