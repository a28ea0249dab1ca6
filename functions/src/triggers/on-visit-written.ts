import { onDocumentWritten } from "firebase-functions/firestore";
import { str } from "../../../contracts/read-fields.js";
import { MAX_INSTANCES } from "../config/instances.js";
import { dayCountedSince, foldDay } from "../store/clicks.js";

/**
 * How long a click not yet counted waits for the others of its burst before its day is counted:
 * every click of that window is then covered by one fold, one write. The wait is spread over one
 * more such interval so the triggers of one burst do not all wake, and fold, at once. It is also
 * about how long the portal takes to show a click.
 */
const FOLD_DEBOUNCE_MS = 1_000;

/**
 * Brings the portal's counters up to a visit document that was just written (one counted click).
 * It returns only once clickStats hold a count taken after that write, its own fold or another's,
 * so an instance dying mid-way loses nothing: the event is delivered again (retry) and the fold,
 * a recount, is repeated harmlessly. Most triggers of a burst find their write already counted and
 * end after one read. Deleted visits (TTL) leave the counters as they are.
 */
export const onVisitWritten = onDocumentWritten(
  { document: "visits/{visitId}", retry: true, maxInstances: MAX_INSTANCES.clickFold },
  async (event) => {
    const after = event.data?.after;
    const changedAt = after?.updateTime;
    if (after === undefined || !after.exists || changedAt === undefined) return;
    const affiliateId = str(after.get("affiliateId"));
    const day = str(after.get("day"));
    if (await dayCountedSince(affiliateId, day, changedAt)) return;
    await new Promise((resolve) => setTimeout(resolve, FOLD_DEBOUNCE_MS * (1 + Math.random())));
    if (await dayCountedSince(affiliateId, day, changedAt)) return;
    await foldDay(affiliateId, day);
  },
);
