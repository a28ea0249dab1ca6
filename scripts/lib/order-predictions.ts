import type { Firestore } from "firebase-admin/firestore";
import { orderKeyOf } from "../../contracts/ids";
import type { Platform } from "../../contracts/platforms";
import type { ParsedEvent } from "../../functions/src/domain/types";
import { contributionOf, type Contribution } from "../../functions/src/ledger/contribution";
import { flattenTotals } from "../../functions/src/ledger/delta";
import type { AffiliateCandidate, Attribution } from "../../functions/src/orders/attribution";
import type { DerivedOrder } from "../../functions/src/orders/derive";
import { addFact, type OrderFacts } from "../../functions/src/orders/facts";
import { decideOrder, planOrderChange } from "../../functions/src/orders/rules";
import type { ProgramSettings } from "../../contracts/program-settings";
import { parseLemonSqueezyEvent } from "../../functions/src/webhooks/lemonsqueezy/parse";
import { parsePaddleClassicEvent } from "../../functions/src/webhooks/paddle-classic/parse";
import { parsePaddleEvent } from "../../functions/src/webhooks/paddle/parse";
import { parseStripeEvent } from "../../functions/src/webhooks/stripe/parse";
import type { SignedRequest } from "./webhooks";

// What the pure modules say a set of webhook requests must do to an order and to the ledgers, for
// the integration tests and the bench to compare with what the emulators actually stored.

const PLATFORM_OF_PATH: Record<string, Platform> = {
  "/webhooks/paddle": "paddle",
  "/webhooks/paddle-classic": "paddle-classic",
  "/webhooks/lemonsqueezy": "lemonsqueezy",
  "/webhooks/stripe": "stripe",
};

export function platformOf(request: SignedRequest): Platform {
  const platform = PLATFORM_OF_PATH[request.path];
  if (platform === undefined) throw new Error(`no platform posts to ${request.path}`);
  return platform;
}

/** The event as the endpoint parses it (production Paddle environment, as in functions/.env.local). */
export function parsedOf(request: SignedRequest): ParsedEvent {
  switch (platformOf(request)) {
    case "paddle":
      return parsePaddleEvent(request.body, { sandbox: false });
    case "paddle-classic":
      return parsePaddleClassicEvent(new URLSearchParams(request.body));
    case "lemonsqueezy":
      return parseLemonSqueezyEvent(request.body);
    case "stripe":
      return parseStripeEvent(request.body);
  }
}

export function orderKeyOfRequest(request: SignedRequest): string | null {
  const event = parsedOf(request);
  return "orderId" in event ? orderKeyOf(platformOf(request), event.orderId) : null;
}

export interface Prediction {
  facts: OrderFacts;
  attribution: Attribution | null;
  order: DerivedOrder;
  contribution: Contribution | null;
}

/**
 * The order after these events, in any order and with any repeats, by the rules the store applies
 * (orders/rules.ts) to a new order: the facts are the events' join, `candidate` is what looking up
 * the sale's affiliate reference finds, `customerEmail` what a customer event told. No payouts, no
 * owner decisions.
 */
export function predict(
  orderKey: string,
  events: readonly ParsedEvent[],
  ctx: { candidate: AffiliateCandidate | null; settings: ProgramSettings; customerEmail?: string | null },
): Prediction {
  const plan = planOrderChange(null, { facts: (empty) => events.reduce<OrderFacts>((acc, e) => addFact(acc, e), empty) });
  const { attribution, order } = decideOrder(null, plan, {
    customer: plan.customerToRead && ctx.customerEmail ? { email: ctx.customerEmail, name: null } : null,
    candidate: plan.affiliateToRead ? ctx.candidate : null,
    code: null,
    course: null,
    settings: ctx.settings,
  });
  return { facts: plan.facts, attribution, order, contribution: contributionOf(orderKey, order) };
}

/** What contributions add to the ledgers as `CUR.path` → amount (`USD.earnedMinor`), zeros left out. */
export function expectedLedger(contributions: ReadonlyArray<Contribution | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of contributions) {
    if (c === null) continue;
    for (const [path, value] of Object.entries(flattenTotals(c))) {
      const key = `${c.currency}.${path}`;
      out[key] = (out[key] ?? 0) + value;
      if (out[key] === 0) delete out[key];
    }
  }
  return out;
}

/** Σ of an affiliate's ledger shards in the shape of `expectedLedger`. */
export async function ledgerSum(db: Firestore, affiliateId: string): Promise<Record<string, number>> {
  const snap = await db.collection("ledgers").where("affiliateId", "==", affiliateId).get();
  const out: Record<string, number> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === "number") {
      out[prefix] = (out[prefix] ?? 0) + value;
      if (out[prefix] === 0) delete out[prefix];
    } else if (value !== null && typeof value === "object" && !("toDate" in value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}.${k}`, v);
    }
  };
  for (const doc of snap.docs) {
    const { affiliateId: _a, currency, shard: _s, updatedAt: _u, ...totals } = doc.data();
    walk(String(currency), totals);
  }
  return out;
}
