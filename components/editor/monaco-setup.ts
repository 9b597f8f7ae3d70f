// Loaded only in the browser (through next/dynamic with ssr:false): Monaco touches `window` on import.
// We bundle the editor core plus the few features the authoring UI uses (Monaco's per-feature entry
// points), never the CDN loader @monaco-editor/react defaults to, so it works on a closed network.
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/features/codicon/register.js";
import "monaco-editor/features/codeEditor/register.js";
import "monaco-editor/features/diffEditor/register.js";
import "monaco-editor/features/bracketMatching/register.js";
import "monaco-editor/features/clipboard/register.js";
import "monaco-editor/features/contextmenu/register.js";
import "monaco-editor/features/cursorUndo/register.js";
import "monaco-editor/features/find/register.js";
import "monaco-editor/features/gotoError/register.js";
import "monaco-editor/features/hover/register.js";
import "monaco-editor/features/linesOperations/register.js";
import "monaco-editor/features/multicursor/register.js";
import "monaco-editor/features/snippet/register.js";
import "monaco-editor/features/suggest/register.js";
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/features/toggleTabFocusMode/register.js";
import "monaco-editor/features/wordHighlighter/register.js";
import "monaco-editor/features/wordOperations/register.js";
import { loader } from "@monaco-editor/react";

// The editor worker (diff computation, word suggestions) is bundled by Turbopack from the package.
self.MonacoEnvironment = {
  getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" }),
};
loader.config({ monaco });

export { monaco };
