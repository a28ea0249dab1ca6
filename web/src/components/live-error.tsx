import { Loading } from "./loading";
import type { Live } from "../hooks/use-live";

/** Explains a failed listener in words an affiliate can act on. */
export function LiveError({ live, what }: { live: Extract<Live<unknown>, { status: "error" }>; what: string }) {
  const message =
    live.code === "permission-denied"
      ? `You no longer have access to your ${what}. Try signing out and in again.`
      : live.code === "failed-precondition"
        ? `Your ${what} cannot be listed yet (the database is still preparing an index). Try again in a few minutes.`
        : `We could not load your ${what}. Check your connection and reload the page.`;
  return (
    <p className="notice tone-error" role="alert">
      {message}
    </p>
  );
}

/** What a listener shows until its data is ready: a loading line, or the error in plain words. */
export function LiveStatus({ live, what }: { live: Live<unknown>; what: string }) {
  if (live.status === "loading") return <Loading label={`Loading ${what}…`} />;
  if (live.status === "error") return <LiveError live={live} what={what} />;
  return null;
}
