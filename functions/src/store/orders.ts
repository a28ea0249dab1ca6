import type { Platform } from "../../../contracts/platforms.js";
import type { AffiliateStatus } from "../../../contracts/affiliates.js";
import { customerKeyOf, orderKeyOf } from "../../../contracts/ids.js";
import { programSettings } from "../../../contracts/program-settings.js";
import { attribute, isAffiliateIdShape, type AffiliateCandidate, type Attribution } from "../orders/attribution.js";
import { deriveOrder, type DerivedOrder } from "../orders/derive.js";
import { emptyFacts, type OrderFacts } from "../orders/facts.js";
import { courseForProduct } from "../courses/course.js";
import { loadCourses } from "./courses.js";
import { db, FieldValue, Timestamp, type DocumentReference, type Transaction } from "./firestore.js";

/** The stored order: the facts, the owner's decisions about it, and everything derived from them. */
export interface OrderDoc extends Omit<DerivedOrder, "saleAt" | "payableAt"> {
  platform: Platform;
  orderId: string;
  facts: OrderFacts;
  attribution: Attribution | null;
  courseId: string | null;
  courseName: string | null;
  productId: string | null;
  productName: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  payouts: Record<string, number>;
  saleAt: Timestamp | null;
  payableAt: Timestamp | null;
}

export interface OrderChange {
  /** Returns the new facts; identity when only the owner's decisions or the customer changed. */
  facts?: (facts: OrderFacts) => OrderFacts;
  /** The owner's re-attribution: replaces whatever the payload said. */
  attribution?: Attribution;
  flagApproved?: boolean;
  payout?: { payoutId: string; amountMinor: number };
}

/** An order change computed from reads in a transaction, not yet written. */
export interface PreparedOrderChange {
  ref: DocumentReference;
  doc: OrderDoc;
}

/**
 * Reads an order and what its derivation needs, applies one change and writes the re-derived order,
 * all in the caller's transaction. Reads come first, as Firestore transactions require.
 */
export async function changeOrderIn(
  tx: Transaction,
  platform: Platform,
  orderId: string,
  change: OrderChange,
): Promise<OrderDoc> {
  const prepared = await prepareOrderChange(tx, platform, orderId, change);
  writeOrderChange(tx, prepared);
  return prepared.doc;
}

/** Writes what prepareOrderChange computed. */
export function writeOrderChange(tx: Transaction, prepared: PreparedOrderChange): void {
  tx.set(prepared.ref, { ...prepared.doc, updatedAt: FieldValue.serverTimestamp() });
}

/**
 * The read half of changeOrderIn. A transaction that changes several orders (a payout) prepares
 * all of them first and writes afterwards, since Firestore refuses a read after a write.
 */
export async function prepareOrderChange(
  tx: Transaction,
  platform: Platform,
  orderId: string,
  change: OrderChange,
): Promise<PreparedOrderChange> {
  const firestore = db();
  const orderRef = firestore.collection("orders").doc(orderKeyOf(platform, orderId));
  const [orderSnap, settingsSnap] = await Promise.all([
    tx.get(orderRef),
    tx.get(firestore.collection("settings").doc("program")),
  ]);
  const stored = orderSnap.exists ? (orderSnap.data() as OrderDoc) : null;
  const settings = programSettings(settingsSnap.data());
  const facts = change.facts ? change.facts(stored?.facts ?? emptyFacts()) : (stored?.facts ?? emptyFacts());
  const sale = facts.sale;

  const customerSnap =
    sale?.customerId && !sale.customerEmail
      ? await tx.get(firestore.collection("customers").doc(customerKeyOf(platform, sale.customerId)))
      : null;
  const customerEmail = sale?.customerEmail ?? (customerSnap?.get("email") as string | undefined) ?? null;
  const customerName = sale?.customerName ?? (customerSnap?.get("name") as string | undefined) ?? null;

  let attribution = change.attribution ?? stored?.attribution ?? null;
  let candidate: AffiliateCandidate | null = null;
  const keepsManual = attribution?.rule === "manual";
  const candidateId = keepsManual ? attribution?.affiliateId : sale?.affiliate.value?.trim();
  if (candidateId && isAffiliateIdShape(candidateId)) {
    candidate = await readCandidate(tx, candidateId);
  }
  if (sale && !keepsManual) {
    // A slug is credited to the affiliate it names; the receipt keeps the slug as the candidate.
    const ref = candidate ? { ...sale.affiliate, value: candidate.id } : sale.affiliate;
    const decided = attribute({ ref, candidate, customerEmail, test: facts.test });
    const fresh = candidate && candidateId !== candidate.id ? { ...decided, candidate: candidateId ?? null } : decided;
    // Credit is decided when the sale is seen: an affiliate disabled afterwards keeps it, so a later
    // refund still takes back their commission instead of dropping the order from their ledger.
    const previous = stored?.facts.sale ? stored.attribution : null;
    attribution = previous?.affiliateId && fresh.reason === "inactive" ? previous : fresh;
  }
  // The rate is fixed the first time an affiliate is credited and kept while that affiliate stays
  // credited; a re-attribution to someone else takes their rate as of then.
  const creditedBefore = stored?.affiliateId ?? null;
  const newAffiliate = attribution?.affiliateId ?? null;
  const rateBps =
    newAffiliate === null
      ? null
      : creditedBefore === newAffiliate && stored?.rateBps != null
        ? stored.rateBps
        : (candidate?.rateBps ?? settings.defaultRateBps);
  const payouts = change.payout
    ? { ...(stored?.payouts ?? {}), [change.payout.payoutId]: change.payout.amountMinor }
    : (stored?.payouts ?? {});
  const flagApproved = change.flagApproved ?? stored?.flagApproved ?? false;
  const derived = deriveOrder(facts, {
    attribution,
    rateBps,
    defaultRateBps: settings.defaultRateBps,
    refundWindowDays: settings.refundWindowDays,
    flagApproved,
    payouts,
  });
  const course = courseForProduct(await loadCourses(), platform, sale?.productId ?? null);
  const doc: OrderDoc = {
    ...derived,
    platform,
    orderId,
    facts,
    attribution,
    courseId: course?.id ?? null,
    courseName: course?.name ?? sale?.productName ?? null,
    productId: sale?.productId ?? null,
    productName: sale?.productName ?? null,
    customerId: sale?.customerId ?? null,
    customerEmail,
    customerName,
    payouts,
    saleAt: derived.saleAt ? Timestamp.fromDate(new Date(derived.saleAt)) : null,
    payableAt: derived.payableAt ? Timestamp.fromDate(new Date(derived.payableAt)) : null,
  };
  return { ref: orderRef, doc };
}

async function readCandidate(tx: Transaction, idOrSlug: string): Promise<AffiliateCandidate | null> {
  const affiliates = db().collection("affiliates");
  let snap = await tx.get(affiliates.doc(idOrSlug));
  if (!snap.exists) {
    // A readable slug stands for the affiliate it was given to.
    const slug = await tx.get(db().collection("slugs").doc(idOrSlug.toLowerCase()));
    const target = slug.get("affiliateId") as string | undefined;
    if (!target) return null;
    snap = await tx.get(affiliates.doc(target));
    if (!snap.exists) return null;
  }
  return toCandidate(snap.id, snap.data() ?? {});
}

function toCandidate(id: string, data: Record<string, unknown>): AffiliateCandidate {
  return {
    id,
    status: (data.status as AffiliateStatus | undefined) ?? "pending",
    email: typeof data.email === "string" ? data.email : null,
    rateBps: typeof data.rateBps === "number" ? data.rateBps : null,
  };
}
