import "server-only";

// Services record audit events through the audit module (below services and auth, so sign-in can record too).
export { actorLabel, recordAudit, type AuditAction, type AuditEventInput } from "../audit/record-audit";
