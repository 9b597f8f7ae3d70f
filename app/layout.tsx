import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Prompt Manager", template: "%s · Prompt Manager" },
  description: "Versioned prompt templates for the coaching product",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
