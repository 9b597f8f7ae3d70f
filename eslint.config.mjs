import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/server/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain core stays pure: no framework, database or server code (README, "Layout").
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"],
              message: "lib/domain must not depend on Next or React.",
            },
            {
              group: ["@prisma/*", "prisma", "pg", "*/generated/*"],
              message: "lib/domain must not touch the database.",
            },
            {
              group: ["server-only", "@/lib/server/*", "**/server/*", "node:*"],
              message: "lib/domain is pure: no server or Node modules.",
            },
            { group: ["@/app/*", "@/components/*"], message: "lib/domain must not import app or UI code." },
          ],
        },
      ],
    },
  },
  {
    // Tests of the domain may use Node (e.g. running python3 to compare template rendering).
    files: ["lib/domain/**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Components render what pages and actions give them: types and rules come from lib/domain, data
    // from their props or server actions (app/**/actions.ts), never from server internals.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "@/lib/server", "**/lib/server/*"],
              message: "Components must not import lib/server: take types from lib/domain, data from props or actions.",
            },
            { group: ["@prisma/*", "pg", "*/generated/*"], message: "Components never touch the database." },
          ],
        },
      ],
    },
  },
  {
    // Authentication sits below the services: it may use repositories, caches and the audit module,
    // never a service (services authorize callers, so the other direction would be a loop).
    files: ["lib/server/auth/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../services/*", "@/lib/server/services/*"],
              message: "lib/server/auth must not depend on services (services depend on auth).",
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories (and the db module) touch Prisma; services compose them in transactions.
    files: ["lib/server/services/**/*.ts", "app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "**/db/generated/*", "@/lib/server/db/generated/*"],
              message: "Only repositories touch Prisma.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**/*.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
