// The only module that imports firebase/firestore. Converters turn Timestamps into Dates and
// untrusted fields into typed values here, so components never see the SDK or raw documents.
// Every affiliate query filters on affiliateId == uid: the security rules allow nothing wider.
import { CLICK_SHARDS } from "../../../contracts/clicks";
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getDoc,
  initializeFirestore,
  limit,
  DocumentReference,
  memoryLocalCache,
  onSnapshot as sdkOnSnapshot,
  orderBy,
  query,
  startAfter,
  Timestamp,
  updateDoc,
  where,
  type DocumentData,
  type DocumentSnapshot,
  type FirestoreDataConverter,
  type Query,
  type QuerySnapshot,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import {
  AFFILIATE_STATUSES,
  COMMISSION_STATUSES,
  ORDER_STATUSES,
  PLATFORM_IDS,
  type AffiliateProfile,
  type AffiliateStatus,
  type ClickStat,
  type Commission,
  type Course,
  type LedgerShard,
  type MailItem,
  type OwnerAffiliate,
  type OwnerCourse,
  type OwnerOrder,
  type OwnerPayout,
  type OwnerProgramSettings,
  type Payout,
  type ProfileUpdate,
  type ProgramSettings,
} from "../types/models";
import { errorCode } from "./errors";
import { app, emulatorHost, EMULATOR_PORTS } from "./firebase";
import { int, intMap, intOrNull, isRecord, oneOf, recordMap, str, strings, strOrNull, type Fields } from "../../../contracts/read-fields";

// Memory cache: a shared computer must not keep an affiliate's earnings in IndexedDB.
const db = initializeFirestore(app, { localCache: memoryLocalCache() });
if (emulatorHost !== null) connectFirestoreEmulator(db, emulatorHost, EMULATOR_PORTS.firestore);

export type Unsubscribe = () => void;
export type OnError = (error: unknown) => void;

// Firestore bills one read per document a listener delivers. Each delivery is marked through the
// standard User Timing API, which costs nothing and lets `npm run bench` count a page's reads.
function markReads(documents: number): void {
  if (documents > 0) performance.mark("firestore:read", { detail: documents });
}

function onSnapshot<T>(ref: Query<T, DocumentData>, next: (snap: QuerySnapshot<T, DocumentData>) => void, onError: OnError): Unsubscribe;
function onSnapshot<T>(ref: DocumentReference<T, DocumentData>, next: (snap: DocumentSnapshot<T, DocumentData>) => void, onError: OnError): Unsubscribe;
function onSnapshot<T>(
  ref: Query<T, DocumentData> | DocumentReference<T, DocumentData>,
  next: ((snap: QuerySnapshot<T, DocumentData>) => void) | ((snap: DocumentSnapshot<T, DocumentData>) => void),
  onError: OnError,
): Unsubscribe {
  if (ref instanceof DocumentReference) {
    const onDoc = next as (snap: DocumentSnapshot<T, DocumentData>) => void;
    return sdkOnSnapshot(ref, (snap) => {
      markReads(1);
      onDoc(snap);
    }, onError);
  }
  const onQuery = next as (snap: QuerySnapshot<T, DocumentData>) => void;
  return sdkOnSnapshot(ref, (snap) => {
    markReads(snap.docChanges().length);
    onQuery(snap);
  }, onError);
}

function date(value: unknown): Date | null {
  return value instanceof Timestamp ? value.toDate() : null;
}

function readOnly<T>(read: (id: string, fields: Fields) => T): FirestoreDataConverter<T, DocumentData> {
  return {
    toFirestore(): DocumentData {
      throw new Error("The portal never writes these documents through a converter");
    },
    fromFirestore(snapshot: QueryDocumentSnapshot<DocumentData, DocumentData>): T {
      return read(snapshot.id, snapshot.data());
    },
  };
}

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
}));

const ledgerConverter = readOnly<LedgerShard>((id, f) => ({
  id,
  affiliateId: str(f["affiliateId"]),
  currency: str(f["currency"]),
  shard: int(f["shard"]),
  pendingByDay: intMap(f["pendingByDay"]),
  flaggedMinor: int(f["flaggedMinor"]),
  carryMinor: int(f["carryMinor"]),
  paidMinor: int(f["paidMinor"]),
  reversedMinor: int(f["reversedMinor"]),
  earnedMinor: int(f["earnedMinor"]),
  sales: int(f["sales"]),
  refunds: int(f["refunds"]),
  daily: recordMap(f["daily"], (d) => ({
    sales: int(d["sales"]),
    saleMinor: int(d["saleMinor"]),
    commissionMinor: int(d["commissionMinor"]),
    refundedMinor: int(d["refundedMinor"]),
  })),
}));

const clickStatConverter = readOnly<ClickStat>((id, f) => ({
  id,
  affiliateId: str(f["affiliateId"]),
  month: str(f["month"]),
  days: recordMap(f["days"], (d) => ({ clicks: int(d["clicks"]), uniques: int(d["uniques"]) })),
}));

const readPayout = (id: string, f: Fields): Payout => ({
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

const courseConverter = readOnly<Course>((id, f) => ({ id, name: str(f["name"]) || id, siteUrl: str(f["siteUrl"]) }));

const readAffiliate = (id: string, f: Fields): AffiliateProfile => ({
  id,
  email: str(f["email"]),
  name: str(f["name"]),
  status: oneOf(f["status"], AFFILIATE_STATUSES),
  rateBps: intOrNull(f["rateBps"]),
  cookieDays: intOrNull(f["cookieDays"]),
  discountCode: strOrNull(f["discountCode"]),
  slug: strOrNull(f["slug"]),
  displayName: str(f["displayName"]),
  payoutEmail: str(f["payoutEmail"]),
  website: str(f["website"]),
  promotion: str(f["promotion"]),
  createdAt: date(f["createdAt"]),
});
const affiliateConverter = readOnly<AffiliateProfile>(readAffiliate);

const programConverter = readOnly<ProgramSettings>((_id, f) => ({
  name: str(f["name"]),
  defaultRateBps: intOrNull(f["defaultRateBps"]),
  refundWindowDays: intOrNull(f["refundWindowDays"]),
  cookieDays: intOrNull(f["cookieDays"]),
  payoutThresholdMinor: intOrNull(f["payoutThresholdMinor"]),
  discountCode: strOrNull(f["discountCode"]),
}));

export function listenLedgers(affiliateId: string, next: (shards: LedgerShard[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "ledgers").withConverter(ledgerConverter), where("affiliateId", "==", affiliateId), limit(50));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data())), onError);
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
  return onSnapshot(
    query(base, ...constraints),
    (snap) => {
      const docs = snap.docs.slice(0, pageSize);
      const last = docs.at(-1);
      next({ items: docs.map((d) => d.data()), next: snap.docs.length > pageSize && last ? { snapshot: last } : null });
    },
    onError,
  );
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
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data())), onError);
}

/** Newest first (index: affiliateId ASC, createdAt DESC). */
export function listenPayouts(affiliateId: string, next: (payouts: Payout[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "payouts").withConverter(payoutConverter), where("affiliateId", "==", affiliateId), orderBy("createdAt", "desc"), limit(20));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data())), onError);
}

export function listenCourses(next: (courses: Course[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "courses").withConverter(courseConverter), limit(200));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data()).sort((a, b) => a.name.localeCompare(b.name))), onError);
}

export function listenAffiliate(affiliateId: string, next: (profile: AffiliateProfile | null) => void, onError: OnError): Unsubscribe {
  return onSnapshot(doc(db, "affiliates", affiliateId).withConverter(affiliateConverter), (snap) => next(snap.data() ?? null), onError);
}

export function listenProgramSettings(next: (settings: ProgramSettings | null) => void, onError: OnError): Unsubscribe {
  return onSnapshot(doc(db, "settings", "program").withConverter(programConverter), (snap) => next(snap.data() ?? null), onError);
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

// ---- Owner console: the rules let a verified owner read these; nothing here writes. ----

const ownerAffiliateConverter = readOnly<OwnerAffiliate>((id, f) => ({
  ...readAffiliate(id, f),
  note: str(f["note"]),
}));

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
        }
      : null,
    courseName: str(f["courseName"]) || str(f["productName"]) || (sale ? str(sale["productName"]) : ""),
    productName: str(f["productName"]),
    customerEmail: str(f["customerEmail"]),
    currency: str(f["currency"]),
    grossMinor: int(f["grossMinor"]),
    taxMinor: int(f["taxMinor"]),
    netMinor: int(f["netMinor"]),
    baseCurrency: str(f["baseCurrency"]),
    refundedGrossMinor: int(f["refundedGrossMinor"]),
    rateBps: intOrNull(f["rateBps"]),
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
  createdBy: str(f["createdBy"]),
}));

const ownerProgramConverter = readOnly<OwnerProgramSettings>((_id, f) => ({
  name: str(f["name"]),
  defaultRateBps: intOrNull(f["defaultRateBps"]) ?? 5000,
  refundWindowDays: intOrNull(f["refundWindowDays"]) ?? 30,
  cookieDays: intOrNull(f["cookieDays"]) ?? 30,
  payoutThresholdMinor: intOrNull(f["payoutThresholdMinor"]) ?? 5000,
  discountCode: str(f["discountCode"]),
  notifyEmails: strings(f["notifyEmails"]),
}));

const ownerCourseConverter = readOnly<OwnerCourse>((id, f) => {
  const ids = isRecord(f["productIds"]) ? f["productIds"] : {};
  return {
    id,
    name: str(f["name"]) || id,
    siteUrl: str(f["siteUrl"]),
    productIds: Object.fromEntries(PLATFORM_IDS.map((p) => [p, strings(ids[p])])) as OwnerCourse["productIds"],
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
  };
});

export function listenAllAffiliates(next: (affiliates: OwnerAffiliate[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "affiliates").withConverter(ownerAffiliateConverter), limit(1000));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data()).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))), onError);
}

/** Which orders to load; the other filters apply to the loaded page in the browser. */
export type OrderScope = { kind: "all" } | { kind: "affiliate"; affiliateId: string } | { kind: "unattributed" } | { kind: "key"; orderKey: string };

/** Newest sale first (index: affiliateId ASC, saleAt DESC for the scoped queries). */
export function listenOwnerOrders(scope: OrderScope, max: number, next: (orders: OwnerOrder[]) => void, onError: OnError): Unsubscribe {
  const base = collection(db, "orders").withConverter(ownerOrderConverter);
  if (scope.kind === "key") {
    return onSnapshot(doc(base, scope.orderKey), (snap) => next(snap.exists() ? [snap.data()] : []), onError);
  }
  const filters = scope.kind === "affiliate" ? [where("affiliateId", "==", scope.affiliateId)] : scope.kind === "unattributed" ? [where("affiliateId", "==", null)] : [];
  return onSnapshot(query(base, ...filters, orderBy("saleAt", "desc"), limit(max)), (snap) => next(snap.docs.map((d) => d.data())), onError);
}

export function listenAllPayouts(next: (payouts: OwnerPayout[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "payouts").withConverter(ownerPayoutConverter), orderBy("createdAt", "desc"), limit(100));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data())), onError);
}

export function listenOwnerProgram(next: (settings: OwnerProgramSettings | null) => void, onError: OnError): Unsubscribe {
  return onSnapshot(doc(db, "settings", "program").withConverter(ownerProgramConverter), (snap) => next(snap.data() ?? null), onError);
}

export function listenOwnerCourses(next: (courses: OwnerCourse[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "courses").withConverter(ownerCourseConverter), limit(200));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data()).sort((a, b) => a.name.localeCompare(b.name))), onError);
}

/** The Trigger Email queue, newest first. */
export function listenOutbox(max: number, next: (mail: MailItem[]) => void, onError: OnError): Unsubscribe {
  const q = query(collection(db, "mail").withConverter(mailConverter), orderBy("createdAt", "desc"), limit(max));
  return onSnapshot(q, (snap) => next(snap.docs.map((d) => d.data())), onError);
}
