import { useLive } from "../../hooks/use-live";
import { listenAffiliate, listenLedgers, listenPayoutRequests, listenProgramSettings } from "../../lib/firestore-affiliate";
import type { AffiliateProfile, LedgerShard, PayoutRequest, StoredProgramSettings } from "../../types/models";

/** Listeners whose data several dashboard sections share, opened once for the page. */
export function useDashboardData(uid: string) {
  const ledgers = useLive<LedgerShard[]>(`ledgers:${uid}`, (next, onError) => listenLedgers(uid, next, onError));
  const profile = useLive<AffiliateProfile | null>(`affiliate:${uid}`, (next, onError) => listenAffiliate(uid, next, onError));
  const program = useLive<StoredProgramSettings | null>("settings/program", listenProgramSettings);
  const payoutRequests = useLive<PayoutRequest[]>(`payoutRequests:${uid}`, (next, onError) => listenPayoutRequests(uid, next, onError));
  return { ledgers, profile, program, payoutRequests };
}
