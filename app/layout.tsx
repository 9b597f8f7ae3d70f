import type { Metadata } from "next";
import { connection } from "next/server";
import { MonacoPreloadOnHover } from "@/components/editor/monaco-preload";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Prompt Manager", template: "%s · Prompt Manager" },
  description: "Versioned prompt templates for the coaching product",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (see proxy.ts), which a
  // page prerendered at build time could not.
  await connection();
  return (
    <html lang="en">
      <body>
        {/* Hovering a link to an editor, version, diff or release starts loading Monaco. */}
        <MonacoPreloadOnHover />
        {children}
      </body>
    </html>
  );
}
