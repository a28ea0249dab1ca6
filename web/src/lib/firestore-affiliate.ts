// What an affiliate's dashboard reads. Every query filters on affiliateId == uid: the security rules
// allow nothing wider. The owner's module builds on the profile and payout readers below.
import { CLICK_SHARDS } from "../../../contracts/clicks";
import { readLedgerShard } from "../../../contracts/ledger";
import { collection, doc, getDoc, getDocs, limit, orderBy, query, startAfter, updateDoc, where, type DocumentData, type QueryDocumentSnapshot } from "firebase/firestore";
import {
  AFFILIATE_STATUSES,
  COMMISSION_STATUSES,
  type AffiliateProfile,
  type AffiliateStatus,
  type ClickStat,
  type Commission,
  type Course,
  type LedgerShard,
  type Payout,
  type PayoutRequest,
  type ProfileUpdate,
  type StoredProgramSettings,
} from "../types/models";
import { errorCode } from "./errors";
import { byName, date, db, listenDoc, listenList, listenQuery, readOnly, type OnError, type Unsubscribe } from "./firestore";
import { int, intMap, intOrNull, isRecord, oneOf, recordMap, str, strings, strOrNull, type Fields } from "../../../contracts/read-fields";

const commissionConverter = readOnly<Commission>((id, f) => ({
  id,
  affiliateId: str(f["affiliateId"]),
  orderKey: str(f["orderKey"]) || id,
  platform: str(f["platform"]),
  courseId: str(f["courseId"]),
  courseName: str(f["courseName"]),
  saleAt: date(f["saleAt"]),
  payableAt: date(f["payableAt"]),
  currency: str(f["currency"]),
  saleMinor: int(f["saleMinor"]),
  commissionMinor: int(f["commissionMinor"]),
  originalCommissionMinor: int(f["originalCommissionMinor"]),
  rateBps: int(f["rateBps"]),
  status: oneOf(f["status"], COMMISSION_STATUSES) ?? "pending",
  test: f["test"] === true,
  payment: intOrNull(f["payment"]),
}));

const ledgerConverter = readOnly<LedgerShard>((id, f) => ({ id, ...readLedgerShard(f) }));

const clickStatConverter = readOnly<ClickStat>((id, f) => ({
  id,
  affiliateId: str(f["affiliateId"]),
  month: str(f["month"]),
  days: recordMap(f["days"], (d) => ({ clicks: int(d["clicks"]), uniques: int(d["uniques"]) })),
}));

export const readPayout = (id: string, f: Fields): Payout => ({
  id,
  affiliateId: str(f["affiliateId"]),
  amountMinor: int(f["amountMinor"]),
  currency: str(f["currency"]),
  method: str(f["method"]),
  reference: str(f["reference"]),
  createdAt: date(f["createdAt"]),
  orderKeys: strings(f["orderKeys"]),
});
const payoutConverter = readOnly<Payout>(readPayout);

export const readPayoutRequest = (id: string, f: Fields): PayoutRequest => ({
  id,
  affiliateId: str(f["affiliateId"]),
  currency: str(f["currency"]),
  amountMinor: int(f["amountMinor"]),
  status: f["status"] === "open" ? "open" : "paid",
  requestedAt: date(f["requestedAt"]),
  closedAt: date(f["closedAt"]),
  payoutId: strOrNull(f["payoutId"]),
});
const payoutRequestConverter = readOnly<PayoutRequest>(readPayoutRequest);

export const readCourse = (id: string, f: Fields): Course => ({ id, name: str(f["name"]) || id, siteUrl: str(f["siteUrl"]) });
const courseConverter = readOnly<Course>(readCourse);

export const readAffiliate = (id: string, f: Fields): AffiliateProfile => ({
  id,
  email: str(f["email"]),
  name: str(f["name"]),
  status: oneOf(f["status"], AFFILIATE_STATUSES),
  rateBps: intOrNull(f["rateBps"]),
  cookieDays: intOrNull(f["cookieDays"]),
  discountCode: strOrNull(f["discountCode"]),
  paddleDiscountId: isRecord(f["discountIds"]) ? strOrNull(f["discountIds"]["paddle"]) : null,
  codeOnlyApproval: f["codeOnlyApproval"] === true,
  courseRates: intMap(f["courseRates"]),
  slug: strOrNull(f["slug"]),
  displayName: str(f["displayName"]),
  payoutEmail: str(f["payoutEmail"]),
  website: str(f["website"]),
  promotion: str(f["promotion"]),
  createdAt: date(f["createdAt"]),
});
const affiliateConverter = readOnly<AffiliateProfile>(readAffiliate);

const programConverter = readOnly<StoredProgramSettings>((_id, f) => ({
  name: str(f["name"]),
  defaultRateBps: intOrNull(f["defaultRateBps"]),
  refundWindowDays: intOrNull(f["refundWindowDays"]),
  cookieDays: intOrNull(f["cookieDays"]),
  payoutThresholdMinor: intOrNull(f["payoutThresholdMinor"]),
  discountCode: strOrNull(f["discountCode"]),
}));

export function listenLedgers(affiliateId: string, next: (shards: LedgerShard[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "ledgers").withConverter(ledgerConverter), where("affiliateId", "==", affiliateId), limit(50)), next, onError);
}

/** Opaque position after the last commission of a page. */
export interface CommissionCursor {
  readonly snapshot: QueryDocumentSnapshot<Commission, DocumentData>;
}

export interface CommissionPage {
  items: Commission[];
  /** Where the following page starts; null on the last page. */
  next: CommissionCursor | null;
}

/** One live page of commissions, newest sale first (index: affiliateId ASC, saleAt DESC). */
export function listenCommissionPage(
  affiliateId: string,
  after: CommissionCursor | null,
  pageSize: number,
  next: (page: CommissionPage) => void,
  onError: OnError,
): Unsubscribe {
  const base = collection(db, "commissions").withConverter(commissionConverter);
  // One extra document tells whether a next page exists without a second query.
  const constraints = [where("affiliateId", "==", affiliateId), orderBy("saleAt", "desc"), ...(after ? [startAfter(after.snapshot)] : []), limit(pageSize + 1)];
  return listenQuery(
    query(base, ...constraints),
    (snap) => {
      const docs = snap.docs.slice(0, pageSize);
      const last = docs.at(-1);
      next({ items: docs.map((d) => d.data()), next: snap.docs.length > pageSize && last ? { snapshot: last } : null });
    },
    onError,
  );
}

/** The rules' largest page of commissions for an affiliate. */
const COMMISSION_PAGE_MAX = 100;

/**
 * Every commission of the affiliate, newest sale first, read once page by page (the rules allow
 * at most 100 a query) for the CSV download.
 */
export async function readAllCommissions(affiliateId: string): Promise<Commission[]> {
  const base = collection(db, "commissions").withConverter(commissionConverter);
  const all: Commission[] = [];
  let after: QueryDocumentSnapshot<Commission, DocumentData> | undefined;
  for (;;) {
    const snap = await getDocs(query(base, where("affiliateId", "==", affiliateId), orderBy("saleAt", "desc"), ...(after ? [startAfter(after)] : []), limit(COMMISSION_PAGE_MAX)));
    all.push(...snap.docs.map((d) => d.data()));
    after = snap.docs.at(-1);
    if (snap.docs.length < COMMISSION_PAGE_MAX || after === undefined) return all;
  }
}

/** Click counters for the given `YYYY-MM` months (at most 30, a Firestore `in` limit). */
export function listenClickStats(affiliateId: string, months: readonly string[], next: (stats: ClickStat[]) => void, onError: OnError): Unsubscribe {
  const q = query(
    collection(db, "clickStats").withConverter(clickStatConverter),
    where("affiliateId", "==", affiliateId),
    where("month", "in", months.slice(0, 30)),
    // The rules refuse an affiliate's query without a limit; each month has at most CLICK_SHARDS rows.
    limit(Math.min(100, months.slice(0, 30).length * CLICK_SHARDS)),
  );
  return listenList(q, next, onError);
}

/** Newest first (index: affiliateId ASC, createdAt DESC). */
export function listenPayouts(affiliateId: string, next: (payouts: Payout[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "payouts").withConverter(payoutConverter), where("affiliateId", "==", affiliateId), orderBy("createdAt", "desc"), limit(20)), next, onError);
}

/** The affiliate's payout requests, one per currency they ever asked in (the rules allow 20 a query). */
export function listenPayoutRequests(affiliateId: string, next: (requests: PayoutRequest[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "payoutRequests").withConverter(payoutRequestConverter), where("affiliateId", "==", affiliateId), limit(20)), next, onError);
}

export function listenCourses(next: (courses: Course[]) => void, onError: OnError): Unsubscribe {
  return listenList(query(collection(db, "courses").withConverter(courseConverter), limit(200)), (courses) => next(byName(courses)), onError);
}

export function listenAffiliate(affiliateId: string, next: (profile: AffiliateProfile | null) => void, onError: OnError): Unsubscribe {
  return listenDoc(doc(db, "affiliates", affiliateId).withConverter(affiliateConverter), next, onError);
}

export function listenProgramSettings(next: (settings: StoredProgramSettings | null) => void, onError: OnError): Unsubscribe {
  return listenDoc(doc(db, "settings", "program").withConverter(programConverter), next, onError);
}

/**
 * Used when the `session` callable is unavailable. The rules let an affiliate read their own
 * profile only while active, so a denial means "not approved" rather than an error.
 */
export async function readAffiliateStatus(affiliateId: string): Promise<AffiliateStatus | "denied" | "missing"> {
  try {
    const snap = await getDoc(doc(db, "affiliates", affiliateId).withConverter(affiliateConverter));
    return snap.data()?.status ?? "missing";
  } catch (error) {
    if (errorCode(error) === "permission-denied") return "denied";
    throw error;
  }
}

/** Writes exactly the two fields the rules let an affiliate change. */
export async function updateProfile(affiliateId: string, update: ProfileUpdate): Promise<void> {
  await updateDoc(doc(db, "affiliates", affiliateId), { displayName: update.displayName, payoutEmail: update.payoutEmail });
}
