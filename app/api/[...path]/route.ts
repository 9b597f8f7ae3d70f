import { AppError } from "@/lib/domain/errors";
import { route } from "@/lib/server/http/route";

// Unknown API paths answer in the API's error format, not with the HTML 404 page.
const notFound = route<{ path: string[] }>({ access: "public" }, async ({ req }) => {
  throw new AppError("not_found", `No API route ${req.method} ${new URL(req.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
