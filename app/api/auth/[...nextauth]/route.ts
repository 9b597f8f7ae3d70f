import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { isAppError } from "@/lib/domain/errors";
import { authOptions } from "@/lib/server/auth/options";
import { clientIp } from "@/lib/server/auth/client-ip";
import { readBodyText } from "@/lib/server/http/body";
import { errorResponse } from "@/lib/server/http/route";
import { assertLoginAllowed } from "@/lib/server/auth/login";

type Segment = { params: Promise<{ nextauth: string[] }> };

/** Sign-in, sign-out and CSRF forms are a few hundred bytes; nothing bigger is read. */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

function nextAuth(req: Request, segment: Segment) {
  return NextAuth(authOptions(req))(req, segment);
}

/**
 * next-auth answers a failed sign-in with 401 whatever the reason; the limiter runs first so that an
 * email+address over its limit gets a real 429 before any password is checked. The body is read once,
 * bounded, and handed on to next-auth (which would otherwise buffer whatever it is sent).
 */
async function POST(req: Request, segment: Segment) {
  let text: string;
  try {
    text = await readBodyText(req, AUTH_MAX_BODY_BYTES);
  } catch (error) {
    return errorResponse(error, "auth");
  }
  const bounded = new NextRequest(req.url, { method: "POST", headers: req.headers, body: text });
  const { nextauth } = await segment.params;
  if (nextauth.join("/") === "callback/credentials") {
    const email = new URLSearchParams(text).get("email");
    if (email) {
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
  return nextAuth(bounded, segment);
}

export { nextAuth as GET, POST };
