"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Changes to the page's query string (table state lives in the URL). Changes made before the router
 * has committed the previous one build on it, so picking two filters quickly keeps both.
 */
export function useUrlQuery() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const requested = useRef<string | null>(null);
  useEffect(() => {
    requested.current = null;
  }, [params]);

  const navigate = (changes: Record<string, string | null>, opts: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(requested.current ?? params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    requested.current = next.toString();
    const href = `${pathname}?${next}`;
    startTransition(() =>
      opts.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false }),
    );
  };

  return { params, navigate, pending };
}
