import { z } from "zod";

// Runs in the browser before the app. Zod compiles object parsers with `new Function` when it can, and
// probes for that once; the pages' CSP allows no eval (see lib/domain/security-headers.ts), so the probe
// would be reported as a violation. The browser parses little: zod's interpreter is enough there.
z.config({ jitless: true });
