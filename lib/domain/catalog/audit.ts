/**
 * Every action the audit log records, with the words the UI uses for it: one list, so a new action
 * cannot be recorded without a description (the type follows from the list).
 */
export const AUDIT_ACTIONS = {
  "prompt.create": "saved a version",
  "prompt.update": "renamed a version",
  "prompt.activate": "activated a version",
  "prompt.deactivate": "deactivated a version",
  "phase.rollback": "rolled back",
  "prompt.import": "imported",
  "prompt.check": "checked a version",
  "user.create": "created a user",
  "user.update": "changed a user",
  "user.disable": "disabled a user",
  "user.password": "set a password",
  "api_key.create": "created an API key",
  "api_key.revoke": "revoked an API key",
  "auth.login_failed": "failed to sign in",
  "auth.sign_out": "signed out",
  "sample_context.create": "saved a sample context",
  "sample_context.update": "updated a sample context",
  "sample_context.delete": "deleted a sample context",
  // Releases (#9): what the release history timeline is built from.
  "release_policy.update": "changed the release policy",
  "staging.set": "set staging",
  "staging.clear": "cleared staging",
  "release.open": "requested a release",
  "release.approve": "approved a release",
  "release.reject": "rejected a release",
  "release.withdraw": "withdrew a release",
  "release.comment": "commented on a release",
  "release.release": "released",
  "phase.emergency_rollback": "rolled back in an emergency",
  "action_instruction.create": "saved an action wording",
  "action_instruction.activate": "activated an action wording",
  "action_instruction.deactivate": "deactivated an action wording",
  "action_instruction.import": "imported action wordings",
  // Signed webhooks (#14).
  "webhook.create": "registered a webhook",
  "webhook.delete": "deleted a webhook",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_TARGET_TYPES = [
  "prompt",
  "phase",
  "user",
  "api_key",
  "import",
  "auth",
  "sample_context",
  "release",
  "release_policy",
  "staging",
  "action_instruction",
  "webhook",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The words for an action; an action recorded by an older or newer version shows as it is stored. */
export function describeAuditAction(action: string | null): string {
  return action ? (isAuditAction(action) ? AUDIT_ACTIONS[action] : action) : "";
}
