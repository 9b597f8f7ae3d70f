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
    files: ["tests/**/*.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
