import type { PromptResponse } from "@/lib/domain/schemas/responses";
import type { LintFinding } from "@/lib/domain/template";
import { LintProblems } from "@/components/editor/lint-problems";
import { TemplateEditor } from "@/components/editor/template-editor";
import type { KeyInfo } from "@/components/editor/template-language";
import { formatTime } from "@/components/ui/format";
import { StatusBadge } from "./status-badge";

interface Props {
  prompt: PromptResponse;
  serving: boolean;
  keys: readonly KeyInfo[];
  findings: readonly LintFinding[];
}

const Chips = ({ items, empty }: { items: readonly string[]; empty: string }) =>
  items.length ? (
    <ul className="chips static">
      {items.map((i) => (
        <li key={i} className="chip">
          <code>{i}</code>
        </li>
      ))}
    </ul>
  ) : (
    <p className="muted">{empty}</p>
  );

/** One stored version, read-only: metadata, keys, actions and body (Monaco, read-only). */
export function VersionDetails({ prompt, serving, keys, findings }: Props) {
  return (
    <div className="version-details">
      <dl className="meta-grid">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge serving={serving} active={prompt.isActive} />
          </dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>{prompt.name ?? <span className="muted">unnamed</span>}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{prompt.promptType}</dd>
        </div>
        <div>
          <dt>Saved</dt>
          <dd>{formatTime(prompt.createdAt)}</dd>
        </div>
      </dl>
      {prompt.description && <p className="description">{prompt.description}</p>}
      <div className="row">
        <section className="grow" aria-labelledby="req-keys-h">
          <h2 id="req-keys-h" className="field-label">
            Required context keys
          </h2>
          <Chips items={prompt.requiredContextKeys} empty="None" />
        </section>
        <section className="grow" aria-labelledby="actions-h">
          <h2 id="actions-h" className="field-label">
            Allowed actions
          </h2>
          <Chips items={prompt.allowedActions} empty="None (message only)" />
        </section>
      </div>
      <section aria-labelledby="body-h">
        <h2 id="body-h" className="field-label">
          Body <span className="muted">({prompt.body.length.toLocaleString("en-US")} characters)</span>
        </h2>
        <TemplateEditor
          value={prompt.body}
          readOnly
          findings={findings}
          keys={keys}
          label={`Body of version ${prompt.version} (read-only)`}
          path={`${prompt.coachingPhase ?? "none"}/v${prompt.version}.pmt`}
          minHeight={120}
          maxHeight={560}
        />
        <LintProblems findings={findings} />
      </section>
    </div>
  );
}
