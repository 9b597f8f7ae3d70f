import "server-only";

// Who is calling is a domain fact (components read it too); the server side re-exports it here.
export { SYSTEM_CALLER, type Actor, type Caller, type Role, type Scope } from "@/lib/domain/auth/actor";
