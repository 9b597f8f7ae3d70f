"use client";

import { useState } from "react";
import type { SampleComparison } from "@/lib/domain/schemas/release";
import { BodyDiff } from "@/components/editor/body-diff";
import type { KeyInfo } from "@/components/editor/template-language";
import { TokenCounts } from "@/components/tokens/token-counts";

interface Props {
  sample: SampleComparison;
  productionVersion: number | null;
  targetVersion: number;
  keys: readonly KeyInfo[];
}

type Rendering = SampleComparison["target"];
const textOf = (r: Rendering | null) => (r && "text" in r ? r.text : "");

/**
 * One sample's assembled prompt, production now → target, behind a disclosure, with its tokens in
 * both: a diff editor (and a count) is made only when opened, so a phase with many samples does not
 * start one Monaco per sample.
 */
export function SampleOutputDiff({ sample, productionVersion, targetVersion, keys }: Props) {
  const [open, setOpen] = useState(false);
  const from = productionVersion === null ? "nothing in production" : `production v${productionVersion}`;
  const errors = [
    sample.production && "error" in sample.production ? `${from}: ${sample.production.error.message}` : null,
    "error" in sample.target ? `v${targetVersion}: ${sample.target.error.message}` : null,
  ].filter((e): e is string => e !== null);
  return (
    <details className="sample-output" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Assembled output for “{sample.sampleName}” ({from} → v{targetVersion})
      </summary>
      {errors.map((e) => (
        <p key={e} className="error">
          Could not assemble {e}
        </p>
      ))}
      {open && (
        <TokenCounts
          compare
          delayMs={0}
          sections={[
            { label: from, text: textOf(sample.production) },
            { label: `v${targetVersion}`, text: textOf(sample.target) },
          ]}
        />
      )}
      {open &&
        (textOf(sample.production) === textOf(sample.target) ? (
          <p className="muted">The assembled output is the same.</p>
        ) : (
          <BodyDiff
            original={textOf(sample.production)}
            modified={textOf(sample.target)}
            originalLabel={from}
            modifiedLabel={`v${targetVersion}`}
            keys={keys}
          />
        ))}
    </details>
  );
}
