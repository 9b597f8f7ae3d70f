import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import type { Role } from "./actor";
import { authSecret } from "./secret";
import { clientIp } from "./client-ip";
import { servedOverHttps } from "./secure-cookies";
import { verifyLogin } from "./login";
import { endSessions, sessionIsCurrent } from "./session-actor";

/** Thrown by the jwt callback for an ended session: next-auth then clears the cookie (not an error to log). */
class SessionEnded extends Error {}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role };
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The person's session version at sign-in; the session is refused once it moves on. */
    sv?: number;
  }
}

/**
 * next-auth v4: email + password, JWT sessions (role, disabled flag and session version are re-checked
 * on every request). `request` is the one being answered: it decides whether cookies must be Secure.
 */
export function authOptions(request?: { headers: Headers; url?: string }): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: servedOverHttps(request?.headers, request?.url),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = new Headers(
            Object.entries(req.headers ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
          );
          const user = await verifyLogin(credentials, clientIp(headers), randomUUID());
          if (!user) return null;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    logger: {
      error(code, metadata) {
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    events: {
      // Sign-out ends the person's sessions everywhere, so a copied cookie stops working too.
      async signOut({ token }) {
        if (token?.uid) await endSessions({ uid: token.uid, sessionVersion: token.sv });
      },
    },
    callbacks: {
      // next-auth's own redirects (sign-in, sign-out) follow the same same-origin rule as /login.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(path)}`;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          return token;
        }
        // Only next-auth's own /api/auth/session gets here: an ended session is neither described
        // nor refreshed there, and its cookie is cleared.
        if (!(await sessionIsCurrent({ uid: token.uid ?? "", sessionVersion: token.sv }))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? "",
          email: token.email ?? "",
          name: token.name ?? null,
          role: token.role ?? "viewer",
        };
        return session;
      },
    },
  };
}
