import NextAuth from "next-auth";
import { isAppError } from "@/lib/domain/errors";
import { authOptions } from "@/lib/server/auth/options";
import { clientIp } from "@/lib/server/auth/client-ip";
import { assertLoginAllowed } from "@/lib/server/services/login-service";

type Segment = { params: Promise<{ nextauth: string[] }> };

function nextAuth(req: Request, segment: Segment) {
  return NextAuth(authOptions())(req, segment);
}

/**
 * next-auth answers a failed sign-in with 401 whatever the reason; the limiter runs first so that an
 * email+address over its limit gets a real 429 before any password is checked.
 */
async function POST(req: Request, segment: Segment) {
  const { nextauth } = await segment.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email) {
      try {
        await assertLoginAllowed(email, clientIp(req.headers));
      } catch (error) {
        if (!isAppError(error)) throw error;
        // next-auth's client reads `url` from every sign-in answer; give it one beside our error body.
        return Response.json(
          { ...error.toJSON(), url: new URL("/login?error=rate_limited", req.url).toString() },
          { status: error.status },
        );
      }
    }
  }
  return nextAuth(req, segment);
}

export { nextAuth as GET, POST };
