import { describe, expect, it } from "vitest";
import { describedActionSchema } from "../action-instructions";
import { actionJsonSchema, type ActionType } from "../catalog";
import { AppError } from "../errors";
import { assemblePrompt, responseFormatFor, type AssembleInput, type SectionKind } from "./index";
import { SCHEMA_INSTRUCTION } from "./response-format";

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
  const wordings = {
    transition_phase: { instruction: "Move on.", fieldDescriptions: { to_phase: "Where to" } },
    add_user_note: { instruction: "Remember facts.", fieldDescriptions: {} },
  };
  it("lays the actions block out as the old system did: heading, **name**: instruction + schema, closing line", () => {
    const text = section(input({ actions: ["transition_phase", "add_user_note"], wordings }), "actions");
    expect(text).toBe(
      [
        "# Available Actions",
        "You can perform the following actions:",
        "**transition_phase**: Move on.",
        "```json",
        JSON.stringify(describedActionSchema("transition_phase", wordings.transition_phase)),
        "```",
        "**add_user_note**: Remember facts.",
        "```json",
        JSON.stringify(actionJsonSchema("add_user_note")),
        "```",
        "> For each action, the params field must match the schema shown in the example, including all nested objects.",
      ].join("\n"),
    );
    expect(text).toContain('"to_phase":{"description":"Where to"');
  });
  it("lists an action without wording by name only", () => {
    expect(section(input({ actions: ["accept_identity"] }), "actions")).toContain("\n**accept_identity**\n```json\n");
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
    expect(result.text.split("**add_user_note**").length).toBe(2);
    expect(Object.keys(result.responseFormat.properties as object)).toEqual(["message", "add_user_note"]);
  });
  it("for openai returns the schema only separately", () => {
    const result = assemblePrompt(input({ actions: ["add_user_note"], provider: "openai", wordings }));
    expect(result.text).not.toContain(SCHEMA_INSTRUCTION);
    expect(result.responseFormat).toEqual(responseFormatFor(["add_user_note"], wordings));
  });
  it("for anthropic appends the response schema once: each action schema appears once in the text", () => {
    const actions = ["transition_phase", "update_user_note"] as const;
    const result = assemblePrompt(input({ actions: [...actions], provider: "anthropic", wordings }));
    const text = section(input({ actions: [...actions], provider: "anthropic", wordings }), "actions") ?? "";
    const tail = `\n\n${SCHEMA_INSTRUCTION}\n${JSON.stringify(result.responseFormat, null, 2)}`;
    expect(text.endsWith(tail)).toBe(true);
    expect(
      text.startsWith("# Available Actions\nYou can perform the following actions:\n**transition_phase**: Move on.\n"),
    ).toBe(true);
    expect(text).not.toContain("```json");
    // A property's schema starts with `"name": {` in the pretty-printed response schema, and only there.
    expect(result.text.split('"to_phase": {').length).toBe(2);
    expect(result.text.split('"notes": {').length).toBe(2);
  });
  it("for anthropic without actions still sends the schema, as an actions section before the conversation", () => {
    const result = assemblePrompt(
      input({ provider: "anthropic", context: { user_name: "Ana", recent_messages: "user: hi" } }),
    );
    expect(result.sections.map((s) => s.kind)).toEqual(["system_context", "body", "actions", "recent_messages"]);
    expect(result.sections[2]?.text).toBe(`${SCHEMA_INSTRUCTION}\n${JSON.stringify(result.responseFormat, null, 2)}`);
    expect(result.text).not.toContain("# Available Actions");
  });
});

describe("assemblePrompt: sentinel and recent conversation", () => {
  const turns = [
    { role: "user", content: "I keep starting things." },
    {
      role: "coach",
      content: "Let's name that.",
      actions: [{ type: "create_identity", params: { name: "Starter", note: "n", category: "doer_of_things" } }],
    },
    { role: "user", content: "Yes!" },
  ];
  const block = [
    "## Recent conversation",
    "",
    "**User:**",
    "I keep starting things.",
    "**Coach:**",
    "Let's name that.",
    "**Action:**",
    'create_identity: {"name":"Starter","note":"n","category":"doer_of_things"}',
    "**User:**",
    "Yes!",
  ].join("\n");

  it("orders the sentinel body, user notes, actions: no system context and no conversation", () => {
    const sentinel = input({
      prompt: {
        body: "Watch {current_message}.",
        requiredContextKeys: [],
        allowedActions: ["add_user_note"],
        promptType: "sentinel",
      },
      context: { current_message: "hi", user_notes: "- tea", recent_messages: turns },
    });
    const result = assemblePrompt(sentinel);
    expect(result.sections.map((s) => s.kind)).toEqual(["body", "user_notes", "actions"]);
    expect(result.text.startsWith("Watch hi.\n\n## User notes\n- tea\n\n# Available Actions")).toBe(true);
  });

  it("renders structured turns as the old block, actions right after the message that triggered them", () => {
    expect(section(input({ context: { user_name: "Ana", recent_messages: turns } }), "recent_messages")).toBe(block);
  });

  it("places the same block where the body asks for {recent_messages}", () => {
    const placed = input({ body: "Chat:\n{recent_messages}", required: [], context: { recent_messages: turns } });
    expect(kinds(placed)).toEqual(["system_context", "body"]);
    expect(section(placed, "body")).toBe(`Chat:\n${block}`);
  });

  it("keeps a plain string as is under the heading", () => {
    expect(section(input({ context: { user_name: "Ana", recent_messages: "user: hi" } }), "recent_messages")).toBe(
      "## Recent conversation\nuser: hi",
    );
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
