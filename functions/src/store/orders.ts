import { customerKeyOf, orderKeyOf } from "../../../contracts/ids.js";
import type { Platform } from "../../../contracts/platforms.js";
import type { AffiliateRecord } from "../affiliates/record.js";
import type { AffiliateCandidate } from "../orders/attribution.js";
import type { OrderRecord } from "../orders/record.js";
import { decideOrder, planOrderChange, type OrderChange } from "../orders/rules.js";
import { findAffiliate } from "./affiliates.js";
import { customers, orders } from "./collections.js";
import { courseForProduct } from "../courses/course.js";
import { findCourse, loadCourses } from "./courses.js";
import { findDiscountOwnerIn } from "./discount-codes.js";
import { readIn, type DocumentReference, type Transaction } from "./firestore.js";
import { readProgramSettings } from "./program.js";

export type { OrderChange };

/** An order change computed from reads in a transaction, not yet written. */
export interface PreparedOrderChange {
  ref: DocumentReference<OrderRecord>;
  order: OrderRecord;
}

/**
 * Reads an order and what its derivation needs, applies one change and writes the re-derived order,
 * all in the caller's transaction. Reads come first, as Firestore transactions require.
 */
export async function changeOrderIn(tx: Transaction, platform: Platform, orderId: string, change: OrderChange): Promise<OrderRecord> {
  const prepared = await prepareOrderChange(tx, platform, orderId, change);
  writeOrderChange(tx, prepared);
  return prepared.order;
}

/** Writes what prepareOrderChange computed (the converter stamps `updatedAt`). */
export function writeOrderChange(tx: Transaction, prepared: PreparedOrderChange): void {
  tx.set(prepared.ref, prepared.order);
}

/**
 * The read half of changeOrderIn: the store reads what the order rules ask for (orders/rules.ts)
 * and lets them decide. A transaction that changes several orders (a payout) prepares all of them
 * first and writes afterwards, since Firestore refuses a read after a write.
 */
export async function prepareOrderChange(tx: Transaction, platform: Platform, orderId: string, change: OrderChange): Promise<PreparedOrderChange> {
  const ref = orders().doc(orderKeyOf(platform, orderId));
  const [stored, settings] = await Promise.all([tx.get(ref).then((snap) => snap.data() ?? null), readProgramSettings(tx)]);
  const plan = planOrderChange(stored, change);
  const customer = plan.customerToRead ? ((await tx.get(customers().doc(customerKeyOf(platform, plan.customerToRead)))).data() ?? null) : null;
  const affiliate = plan.affiliateToRead ? await findAffiliate(plan.affiliateToRead, readIn(tx)) : null;
  const discount = plan.discountToRead ? await findDiscountOwnerIn(tx, platform, plan.discountToRead) : null;
  const sale = plan.facts.sale;
  // The rate is snapshotted when the sale is first seen: read its course exactly then; later changes
  // only re-label the order, for which the instance's cached course list is enough.
  const productId = sale?.productId ?? null;
  const course = stored?.facts.sale ? courseForProduct(await loadCourses(), platform, productId) : await findCourse(platform, productId);
  const { attribution, order, rateSource, customerEmail, customerName } = decideOrder(stored, plan, {
    customer,
    candidate: candidateOf(affiliate),
    code: discount && { code: discount.code, candidate: candidateOf(discount.affiliate) },
    course,
    settings,
  });
  return {
    ref,
    order: {
      ...order,
      rateSource,
      platform,
      orderId,
      facts: plan.facts,
      attribution,
      courseId: course?.id ?? null,
      courseName: course?.name ?? sale?.productName ?? null,
      productId: sale?.productId ?? null,
      productName: sale?.productName ?? null,
      customerId: sale?.customerId ?? null,
      customerEmail,
      customerName,
      payouts: plan.payouts,
    },
  };
}

function candidateOf(affiliate: AffiliateRecord | null): AffiliateCandidate | null {
  return (
    affiliate && {
      id: affiliate.id,
      status: affiliate.status ?? "pending",
      email: affiliate.email,
      rateBps: affiliate.rateBps,
      courseRates: affiliate.courseRates,
      codeOnlyApproval: affiliate.codeOnlyApproval,
    }
  );
}
