import { route } from "@/lib/server/http/route";
import { openApiDocument } from "@/lib/server/openapi/document";
import { referenceHtml } from "@/lib/server/openapi/reference-html";

let page: string | undefined;

// Served from our own origin with a CSP that allows nothing from elsewhere (the page needs no scripts).
export const GET = route(
  { access: "public" },
  async () =>
    new Response((page ??= referenceHtml(openApiDocument())), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      },
    }),
);
