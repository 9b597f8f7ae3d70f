// Preloaded into the Next server process (`node --require`, set by scripts/start.ts and the tests'
// app server): two things Next's route handlers and proxy cannot do themselves.
// 1. TRACE/TRACK never reach Next: undici refuses to build a Request for them, so Next answered 500.
// 2. The socket peer's address travels to the app in `x-pm-peer-address`, overwriting anything a
//    client sent under that name (route handlers have no socket; lib/server/auth/client-ip.ts reads it
//    and trusts X-Forwarded-For only from the proxies PM_TRUSTED_PROXIES names).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const http = require("node:http");

const REFUSED = new Set(["TRACE", "TRACK"]);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function guardedEmit(event, req, res) {
  if (event === "request") {
    if (REFUSED.has(req.method)) {
      const body = JSON.stringify({
        error: { code: "method_not_allowed", message: `Method ${req.method} is not allowed`, details: null },
      });
      res.writeHead(405, {
        "content-type": "application/json",
        "allow": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
      return true;
    }
    req.headers["x-pm-peer-address"] = req.socket.remoteAddress ?? "";
  }
  return emit.apply(this, arguments);
};
// Tells client-ip.ts that x-pm-peer-address was set by us, not by a client.
globalThis.__pmPeerAddressHeader = true;
