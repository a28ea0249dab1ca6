import type { Live } from "../hooks/use-live";

/** Offered while a listener's page came back full, so there may be more behind it. */
export function LoadMore({ live, max, onMore, testId }: { live: Live<readonly unknown[]>; max: number; onMore: () => void; testId?: string }) {
  if (live.status !== "ready" || live.data.length < max) return null;
  return (
    <button type="button" className="button" onClick={onMore} data-testid={testId}>
      Load more
    </button>
  );
}
