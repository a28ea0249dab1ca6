// What the owner console reads. The rules let a verified owner read these collections whole;
// nothing here writes (changes go through the owner callables).
import { collection, doc, limit, orderBy, query, where } from "firebase/firestore";
import { programSettings } from "../../../contracts/program-settings";
import { readRecurringPolicy } from "../../../contracts/recurring-policy";
import { readSyncRun, readSyncState, SYNC_PLATFORMS, type SyncRun, type SyncState } from "../../../contracts/sync";
import { readProgramStatsDoc, type ProgramStatsDoc } from "../../../contracts/program-stats";
import { ORDER_STATUSES, PLATFORMS, type AffiliateProfile, type FailedEvent, type MailItem, type OwnerApplication, type OwnerAffiliate, type OwnerCourse, type OwnerOrder, type OwnerPayout, type PayoutRequest, type ProgramSettings } from "../types/models";
import { byName, date, db, listenDoc, listenList, readOnly, type OnError, type Unsubscribe } from "./firestore";
import { readAffiliate, readCourse, readPayout, readPayoutRequest } from "./firestore-affiliate";
import { int, intMap, intOrNull, isRecord, oneOf, str, strings, strOrNull } from "../../../contracts/read-fields";

const ownerAffiliateConverter = readOnly<Omit<OwnerAffiliate, "note">>((id, f) => ({ ...readAffiliate(id, f), recurringPolicy: readRecurringPolicy(f["recurringPolicy"]) }));

// The owner's note on an affiliate lives in affiliateNotes/{id}, which only the owner reads.
const noteConverter = readOnly<{ id: string; note: string }>((id, f) => ({ id, note: str(f["note"]) }));

// Owner-only settings (settings/owner) beside the terms affiliates read (settings/program).
const ownerSettingsConverter = readOnly<{ notifyEmails: unknown }>((_id, f) => ({ notifyEmails: f["notifyEmails"] }));

/** Two live sources as one: `next` runs once both have answered, then on every change of either. */
function listenBoth<A, B>(
  listenA: (next: (a: A) => void) => Unsubscribe,
  listenB: (next: (b: B) => void) => Unsubscribe,
  next: (a: A, b: B) => void,
): Unsubscribe {
  let a: { value: A } | null = null;
  let b: { value: B } | null = null;
  const emit = () => {
    if (a !== null && b !== null) next(a.value, b.value);
  };
  const stopA = listenA((value) => {
    a = { value };
    emit();
  });
  const stopB = listenB((value) => {
    b = { value };
    emit();
  });
  return () => {
    stopA();
    stopB();
  };
}

const ownerOrderConverter = readOnly<OwnerOrder>((id, f) => {
  const attribution = isRecord(f["attribution"]) ? f["attribution"] : null;
  const sale = isRecord(f["facts"]) && isRecord(f["facts"]["sale"]) ? f["facts"]["sale"] : null;
  return {
    id,
    platform: str(f["platform"]),
    orderId: str(f["orderId"]),
    status: oneOf(f["status"], ORDER_STATUSES),
    affiliateId: strOrNull(f["affiliateId"]),
    attribution: attribution
      ? {
          affiliateId: strOrNull(attribution["affiliateId"]),
          candidate: strOrNull(attribution["candidate"]),
          field: strOrNull(attribution["field"]),
          rule: str(attribution["rule"]),
          reason: strOrNull(attribution["reason"]),
          selfReferral: attribution["selfReferral"] === true,
          by: strOrNull(attribution["by"]),
          discountCode: strOrNull(attribution["discountCode"]),
          codeAffiliateId: strOrNull(attribution["codeAffiliateId"]),
        }
      : null,
    courseName: str(f["courseName"]) || str(f["productName"]) || (sale ? str(sale["productName"]) : ""),
    payment: isRecord(f["payment"]) ? intOrNull(f["payment"]["number"]) : null,
    productName: str(f["productName"]),
    customerEmail: str(f["customerEmail"]),
    currency: str(f["currency"]),
    grossMinor: int(f["grossMinor"]),
    taxMinor: int(f["taxMinor"]),
    netMinor: int(f["netMinor"]),
    baseCurrency: str(f["baseCurrency"]),
    baseNote: sale ? strOrNull(sale["baseNote"]) : null,
    refundedGrossMinor: int(f["refundedGrossMinor"]),
    rateBps: intOrNull(f["rateBps"]),
    rateSource: strOrNull(f["rateSource"]),
    commissionMinor: int(f["commissionMinor"]),
    commissionCurrency: str(f["commissionCurrency"]),
    paidOutMinor: int(f["paidOutMinor"]),
    payoutIds: Object.keys(intMap(f["payouts"])),
    flag: strOrNull(f["flag"]),
    flagApproved: f["flagApproved"] === true,
    test: f["test"] === true,
    saleAt: date(f["saleAt"]),
    payableAt: date(f["payableAt"]),
  };
});

const ownerPayoutConverter = readOnly<OwnerPayout>((id, f) => ({
  ...readPayout(id, f),
  payeeName: str(f["payeeName"]),
  payeeEmail: str(f["payeeEmail"]),
}));

// A missing or partly invalid document reads as the defaults the functions work with.
const ownerProgramConverter = readOnly<ProgramSettings>((_id, f) => programSettings(f));

const ownerCourseConverter = readOnly<OwnerCourse>((id, f) => {
  const ids = isRecord(f["productIds"]) ? f["productIds"] : {};
  return {
    ...readCourse(id, f),
    productIds: Object.fromEntries(PLATFORMS.map((p) => [p, strings(ids[p])])) as OwnerCourse["productIds"],
    rateBps: intOrNull(f["rateBps"]),
  };
});

const mailConverter = readOnly<MailItem>((id, f) => {
  const message = isRecord(f["message"]) ? f["message"] : {};
  const delivery = isRecord(f["delivery"]) ? f["delivery"] : {};
  return {
    id,
    to: strings(f["to"]),
    subject: str(message["subject"]),
    kind: str(f["kind"]),
    createdAt: date(f["createdAt"]),
    state: strOrNull(delivery["state"]),
    error: strOrNull(delivery["error"]),
    html: str(message["html"]),
    text: str(message["text"]),
  };
});

const failedEventConverter = readOnly<FailedEvent>((id, f) => ({
  id,
  platform: str(f["platform"]),
  eventType: strOrNull(f["eventType"]),
  stage: strOrNull(f["stage"]),
  error: str(f["error"]),
  receivedAt: date(f["receivedAt"]),
  failedAt: date(f["failedAt"]),
}));

const applicationConverter = readOnly<OwnerApplication>((id, f) => ({
  id,
  name: str(f["name"]),
  email: str(f["email"]),
  website: str(f["website"]),
  promotion: str(f["promotion"]),
  createdAt: date(f["createdAt"]),
}));

/** Applications awaiting review, newest first, so a flood of old junk never hides a new applicant. */
export function listenApplications(max: number, next: (applications: OwnerApplication[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "applications").withConverter(applicationConverter), orderBy("createdAt", "desc"), limit(max)), next, onError);
}

const newestFirst = (a: OwnerAffiliate, b: OwnerAffiliate) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0);

export function listenAllAffiliates(next: (affiliates: OwnerAffiliate[]) => void, onError: OnError): Unsubscribe {
  return listenBoth<Array<Omit<OwnerAffiliate, "note">>, Array<{ id: string; note: string }>>(
    (n) => listenList(query(collection(db, "affiliates").withConverter(ownerAffiliateConverter), limit(1000)), n, onError),
    (n) => listenList(query(collection(db, "affiliateNotes").withConverter(noteConverter), limit(1000)), n, onError),
    (all, notes) => {
      const noteOf = new Map(notes.map((n) => [n.id, n.note]));
      next(all.map((a) => ({ ...a, note: noteOf.get(a.id) ?? "" })).sort(newestFirst));
    },
  );
}

/** Which orders to load; the other filters apply to the loaded page in the browser. */
export type OrderScope = { kind: "all" } | { kind: "affiliate"; affiliateId: string } | { kind: "unattributed" } | { kind: "key"; orderKey: string };

/** Newest sale first (index: affiliateId ASC, saleAt DESC for the scoped queries). */
export function listenOwnerOrders(scope: OrderScope, max: number, next: (orders: OwnerOrder[]) => void, onError: OnError): Unsubscribe {
  const base = collection(db, "orders").withConverter(ownerOrderConverter);
  if (scope.kind === "key") return listenDoc(doc(base, scope.orderKey), (order) => next(order ? [order] : []), onError);
  const filters = scope.kind === "affiliate" ? [where("affiliateId", "==", scope.affiliateId)] : scope.kind === "unattributed" ? [where("affiliateId", "==", null)] : [];
  return listenList(query(base, ...filters, orderBy("saleAt", "desc"), limit(max)), next, onError);
}

export function listenAllPayouts(next: (payouts: OwnerPayout[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "payouts").withConverter(ownerPayoutConverter), orderBy("createdAt", "desc"), limit(100)), next, onError);
}

const payoutRequestConverter = readOnly<PayoutRequest>(readPayoutRequest);

/** Requests waiting for a payout, oldest first (sorted here: one equality filter needs no composite index). */
export function listenOpenPayoutRequests(next: (requests: PayoutRequest[]) => void, onError: OnError): Unsubscribe {
  return listenList(
    query(collection(db, "payoutRequests").withConverter(payoutRequestConverter), where("status", "==", "open"), limit(200)),
    (requests) => next(requests.sort((a, b) => (a.requestedAt?.getTime() ?? 0) - (b.requestedAt?.getTime() ?? 0))),
    onError,
  );
}

export function listenOwnerProgram(next: (settings: ProgramSettings | null) => void, onError: OnError): Unsubscribe {
  return listenBoth<ProgramSettings | null, { notifyEmails: unknown } | null>(
    (n) => listenDoc(doc(db, "settings", "program").withConverter(ownerProgramConverter), n, onError),
    (n) => listenDoc(doc(db, "settings", "owner").withConverter(ownerSettingsConverter), n, onError),
    (program, owner) => next(program === null || owner === null ? program : programSettings({ ...program, notifyEmails: owner.notifyEmails })),
  );
}

export function listenOwnerCourses(next: (courses: OwnerCourse[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "courses").withConverter(ownerCourseConverter), limit(200)), (courses) => next(byName(courses)), onError);
}

/** Stored webhook events that failed, newest first (sorted here: an equality filter needs no index). */
export function listenFailedEvents(max: number, next: (events: FailedEvent[]) => void, onError: OnError): Unsubscribe {
  const ref = query(collection(db, "webhookEvents").withConverter(failedEventConverter), where("status", "==", "failed"), limit(max));
  return listenList(ref, (events) => next(events.sort((a, b) => (b.receivedAt?.getTime() ?? 0) - (a.receivedAt?.getTime() ?? 0))), onError);
}

/** The Trigger Email queue, newest first. */
export function listenOutbox(max: number, next: (mail: MailItem[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "mail").withConverter(mailConverter), orderBy("createdAt", "desc"), limit(max)), next, onError);
}

const syncRunConverter = readOnly<SyncRun>((id, f) => readSyncRun(f, id));
const syncStateConverter = readOnly<SyncState>((id, f) => readSyncState(f, id === "lemonsqueezy" ? "lemonsqueezy" : "paddle"));

/** Reconciliation runs, newest first: the Sync page watches their progress live. */
export function listenSyncRuns(max: number, next: (runs: SyncRun[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "syncRuns").withConverter(syncRunConverter), orderBy("createdAt", "desc"), limit(max)), next, onError);
}

/** An event a sync run recorded because its webhook never came: what the Sync page lists. */
export interface SyncedEvent {
  id: string;
  eventType: string | null;
  orderKey: string | null;
  kind: string | null;
}

const syncedEventConverter = readOnly<SyncedEvent>((id, f) => ({ id, eventType: strOrNull(f["eventType"]), orderKey: strOrNull(f["orderKey"]), kind: strOrNull(f["kind"]) }));

/** The events one sync run stored (each a sale or refund no webhook had brought). */
export function listenSyncedEvents(runId: string, max: number, next: (events: SyncedEvent[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "webhookEvents").withConverter(syncedEventConverter), where("syncRunId", "==", runId), limit(max)), next, onError);
}

/** Where each platform's next sync starts and how its last one ended (one document a platform). */
export function listenSyncStates(next: (states: SyncState[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "syncState").withConverter(syncStateConverter), limit(SYNC_PLATFORMS.length)), next, onError);
}

const programStatsConverter = readOnly<ProgramStatsDoc | null>((_id, f) => readProgramStatsDoc(f));

/**
 * The overview's summary documents: the sales and clicks of `years`, and what the program owes.
 * How many there are depends on the currencies and shards, never on the number of orders.
 */
export function listenProgramStats(years: readonly number[], next: (docs: ProgramStatsDoc[]) => void, onError: OnError): Unsubscribe {
  const base = collection(db, "programStats").withConverter(programStatsConverter);
  const known = (docs: Array<ProgramStatsDoc | null>) => docs.filter((d): d is ProgramStatsDoc => d !== null);
  return listenBoth<Array<ProgramStatsDoc | null>, Array<ProgramStatsDoc | null>>(
    (n) => listenList(query(base, where("year", "in", [...years]), limit(500)), n, onError),
    (n) => listenList(query(base, where("kind", "==", "balances"), limit(500)), n, onError),
    (byYear, balances) => next([...known(byYear), ...known(balances)]),
  );
}

/** One affiliate's profile, for a name in the overview or the affiliate's page. */
export function listenOwnerAffiliate(affiliateId: string, next: (affiliate: AffiliateProfile | null) => void, onError: OnError): Unsubscribe {
  return listenDoc(doc(collection(db, "affiliates").withConverter(ownerAffiliateConverter), affiliateId), next, onError);
}

/** An audit entry about one affiliate (status, terms, notes, payout email), as the owner sees it. */
export interface AuditItem {
  id: string;
  action: string;
  by: string;
  at: Date | null;
}

const auditConverter = readOnly<AuditItem>((id, f) => ({
  id,
  action: str(f["action"]),
  by: isRecord(f["by"]) ? str(f["by"]["email"]) : str(f["by"]),
  at: date(f["at"]),
}));

/** The latest changes made to this affiliate, newest first (sorted here: equality filters need no index). */
export function listenAffiliateHistory(affiliateId: string, next: (entries: AuditItem[]) => void, onError: OnError): Unsubscribe {
  const ref = query(collection(db, "audit").withConverter(auditConverter), where("target.collection", "==", "affiliates"), where("target.id", "==", affiliateId), limit(100));
  return listenList(ref, (entries) => next(entries.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))), onError);
}

/** The owner's note on one affiliate (affiliateNotes/{id}); "" when there is none. */
export function listenAffiliateNote(affiliateId: string, next: (note: string) => void, onError: OnError): Unsubscribe {
  return listenDoc(doc(collection(db, "affiliateNotes").withConverter(noteConverter), affiliateId), (n) => next(n?.note ?? ""), onError);
}
