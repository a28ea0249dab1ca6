import type { CallableOutput } from "../../../contracts/callables/index.js";
import { payoutRequestKeyOf } from "../../../contracts/ids.js";
import { balancesAt } from "../../../contracts/ledger.js";
import { reachesThreshold } from "../../../contracts/payout-threshold.js";
import { DomainError } from "../domain/errors.js";
import { payoutRequestEmails } from "../emails/payout-request-email.js";
import { readPayoutRequest, type PayoutRequestRecord } from "../payouts/request.js";
import { affiliates, ledgers } from "./collections.js";
import { db, Timestamp, type Transaction } from "./firestore.js";
import { queueMailsIn } from "./mail.js";
import { readProgramSettings } from "./program.js";

// `payoutRequests/{affiliateId}_{currency}`: see payouts/request.ts. Written only here, read by the
// affiliate (their own) and the owner under the rules.

const requests = () =>
  db()
    .collection("payoutRequests")
    .withConverter<PayoutRequestRecord>({
      fromFirestore: (snapshot) => readPayoutRequest(snapshot.data()),
      toFirestore: () => {
        throw new Error("Written field by field, never through this converter");
      },
    });

export interface PayoutRequestContext {
  /** OWNER_EMAILS; the program's notify addresses are added. */
  ownerEmails: readonly string[];
  payoutsUrl: string;
  now: Date;
}

/**
 * An active affiliate asks to be paid their payable balance in `currency`. Refused below the
 * threshold (the owner's payout test); while a request for the currency is open, asking again
 * changes nothing and mails nobody. The request and the owner's email are written in one
 * transaction, so neither exists without the other.
 */
export async function requestPayout(affiliateId: string, currency: string, context: PayoutRequestContext): Promise<CallableOutput<"requestPayout">> {
  const requestId = payoutRequestKeyOf(affiliateId, currency);
  const ref = requests().doc(requestId);
  return db().runTransaction(async (tx) => {
    const [existing, affiliate, shards, settings] = await Promise.all([
      tx.get(ref).then((snap) => snap.data()),
      tx.get(affiliates().doc(affiliateId)).then((snap) => snap.data()),
      tx.get(ledgers().where("affiliateId", "==", affiliateId).where("currency", "==", currency)),
      readProgramSettings(tx),
    ]);
    if (affiliate?.status !== "active") throw new DomainError("permission-denied", "Only an active affiliate may request a payout.");
    if (existing?.status === "open") return { requestId, created: false, amountMinor: existing.amountMinor };
    const payableMinor = balancesAt(
      shards.docs.map((doc) => doc.data()),
      context.now,
    )[currency]?.payableMinor ?? 0;
    if (!reachesThreshold(payableMinor, settings.payoutThresholdMinor)) {
      throw new DomainError("failed-precondition", "Your payable balance is below the payout threshold.", { reason: "below-threshold", amountMinor: payableMinor, thresholdMinor: settings.payoutThresholdMinor });
    }
    const requestedAt = Timestamp.fromDate(context.now);
    tx.set(ref.withConverter(null), { affiliateId, currency, amountMinor: payableMinor, thresholdMinor: settings.payoutThresholdMinor, status: "open", requestedAt, closedAt: null, payoutId: null });
    const email = affiliate.email ?? "";
    queueMailsIn(
      tx,
      payoutRequestEmails({
        programName: settings.name,
        requestId,
        affiliate: { id: affiliateId, name: affiliate.name, email },
        payTo: affiliate.payoutEmail || email,
        amountMinor: payableMinor,
        currency,
        thresholdMinor: settings.payoutThresholdMinor,
        requestedAt: context.now.toISOString(),
        ownerEmails: [...context.ownerEmails, ...settings.notifyEmails],
        payoutsUrl: context.payoutsUrl,
      }),
    );
    return { requestId, created: true, amountMinor: payableMinor };
  });
}

/** Reads the open request a payout would close; call before the transaction's writes. */
export async function openRequestIn(tx: Transaction, affiliateId: string, currency: string): Promise<string | null> {
  const requestId = payoutRequestKeyOf(affiliateId, currency);
  const request = (await tx.get(requests().doc(requestId))).data();
  return request?.status === "open" ? requestId : null;
}

/** A recorded payout for the affiliate and currency answers their open request. */
export function closeRequestIn(tx: Transaction, requestId: string, payoutId: string, now: Date): void {
  tx.update(db().collection("payoutRequests").doc(requestId), { status: "paid", payoutId, closedAt: Timestamp.fromDate(now) });
}
