import { useEffect, useRef } from "react";
import "./page-title.css";

let firstPage = true;

/**
 * The page's h1. After client-side navigation focus moves to it, so screen-reader and keyboard
 * users land at the top of the new page instead of on a link that no longer exists.
 */
export function PageTitle({ children, title }: { children: React.ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Affiliate portal`;
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
