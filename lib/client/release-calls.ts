import type { ReleasePolicy } from "@/lib/domain/schemas/release-policy";
import type { RollbackResponse } from "@/lib/domain/schemas/responses";
import type { Staging } from "@/lib/domain/schemas/staging";
import type { CheckRun } from "@/lib/domain/schemas/checks";
import type { ReleaseDetail, ReleaseDto, ReleasePage } from "@/lib/domain/schemas/release";
import { send, type CallOptions, type Transport } from "./http";

/** Releases (#9): the release policy, the staging channel and reviewed releases. `client.releases`. */
export class ReleaseCalls {
  constructor(private readonly transport: Transport) {}

  getPolicy(options?: CallOptions): Promise<ReleasePolicy> {
    return send(this.transport, { method: "GET", path: "api/settings/release-policy" }, options);
  }

  /** Admins only. */
  setPolicy(requiredApprovals: 0 | 1, options?: CallOptions): Promise<ReleasePolicy> {
    return send(
      this.transport,
      { method: "PUT", path: "api/settings/release-policy", body: { requiredApprovals } },
      options,
    );
  }

  /** An admin's emergency rollback: serves `toVersion` at once whatever the policy, recorded as an emergency. */
  emergencyRollback(phase: string, toVersion: number, note: string, options?: CallOptions): Promise<RollbackResponse> {
    return send(
      this.transport,
      {
        method: "POST",
        path: `api/phases/${encodeURIComponent(phase)}/rollback`,
        body: { toVersion, emergency: true, note },
      },
      options,
    );
  }

  /** Points the staging channel of a phase (`none`: phase-less prompts) at any version. */
  setStaging(phase: string, version: number, options?: CallOptions): Promise<Staging> {
    return send(
      this.transport,
      { method: "PUT", path: `api/phases/${encodeURIComponent(phase)}/staging`, body: { version } },
      options,
    );
  }

  clearStaging(phase: string, promptType?: string, options?: CallOptions): Promise<Staging> {
    return send(
      this.transport,
      {
        method: "DELETE",
        path: `api/phases/${encodeURIComponent(phase)}/staging`,
        query: promptType ? { promptType } : {},
      },
      options,
    );
  }

  /** Requests a release: make `version` the production version of the phase (null: phase-less prompts). */
  open(
    request: { phase: string | null; version: number; note: string; promptType?: string },
    options?: CallOptions,
  ): Promise<ReleaseDetail> {
    return send(this.transport, { method: "POST", path: "api/releases", body: request }, options);
  }

  list(
    query: { phase?: string; status?: string; cursor?: string; limit?: number } = {},
    options?: CallOptions,
  ): Promise<ReleasePage> {
    return send(this.transport, { method: "GET", path: "api/releases", query }, options);
  }

  /** One release with its checks and, per sample, production's assembled text next to the target's. */
  get(id: string, options?: CallOptions): Promise<ReleaseDetail> {
    return send(this.transport, { method: "GET", path: `api/releases/${encodeURIComponent(id)}` }, options);
  }

  /**
   * Checks a version (by id) with every sample context of its phase; `draft` checks unsaved content
   * started from it. Nothing is written.
   */
  checks(
    promptId: string,
    draft?: { body: string; requiredContextKeys: string[]; allowedActions: string[] },
    options?: CallOptions,
  ): Promise<CheckRun> {
    return send(
      this.transport,
      { method: "POST", path: `api/prompts/${encodeURIComponent(promptId)}/checks`, body: draft ? { draft } : {} },
      options,
    );
  }

  approve(
    id: string,
    body: { comment?: string; overrideChecks?: boolean } = {},
    options?: CallOptions,
  ): Promise<ReleaseDto> {
    return this.act(id, "approve", body, options);
  }

  reject(id: string, comment: string, options?: CallOptions): Promise<ReleaseDto> {
    return this.act(id, "reject", { comment }, options);
  }

  withdraw(id: string, options?: CallOptions): Promise<ReleaseDto> {
    return this.act(id, "withdraw", undefined, options);
  }

  /** Makes the release's version the production version (409 conflict if production changed since opening). */
  release(id: string, options?: CallOptions): Promise<ReleaseDto> {
    return this.act(id, "release", undefined, options);
  }

  comment(id: string, comment: string, options?: CallOptions): Promise<ReleaseDto> {
    return this.act(id, "comments", { comment }, options);
  }

  private act(id: string, segment: string, body: unknown, options?: CallOptions): Promise<ReleaseDto> {
    return send(
      this.transport,
      { method: "POST", path: `api/releases/${encodeURIComponent(id)}/${segment}`, body },
      options,
    );
  }
}
