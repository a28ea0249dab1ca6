import { useState } from "react";
import { useLive } from "../../hooks/use-live";
import { listenCommissionPage, type CommissionCursor, type CommissionPage } from "../../lib/firestore-affiliate";

export const PAGE_SIZE = 20;

/** Next/previous paging over a live query: a stack of cursors, one listener for the shown page. */
export function useCommissionPages(uid: string) {
  const [cursors, setCursors] = useState<(CommissionCursor | null)[]>([null]);
  const index = cursors.length - 1;
  const cursor = cursors[index] ?? null;
  const page = useLive<CommissionPage>(`commissions:${uid}:${index}`, (next, onError) => listenCommissionPage(uid, cursor, PAGE_SIZE, next, onError));
  const nextCursor = page.status === "ready" ? page.data.next : null;
  return {
    page,
    pageNumber: index + 1,
    hasPrevious: index > 0,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) setCursors((c) => [...c, nextCursor]);
    },
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
  };
}
