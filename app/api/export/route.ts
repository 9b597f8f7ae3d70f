import { route, searchParams } from "@/lib/server/http/route";
import { exportPrompts } from "@/lib/server/services/export-service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "read" }, async ({ req, caller }) => {
  const file = await exportPrompts(caller, searchParams(req));
  return new Response(file.text, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-prompt-count": String(file.count),
      "cache-control": "no-store",
    },
  });
});
