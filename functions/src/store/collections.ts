import type { DocumentData, FirestoreDataConverter, PartialWithFieldValue } from "firebase-admin/firestore";
import type { Contribution } from "../ledger/contribution.js";
import { readProgramContribution, type ProgramContribution } from "../ledger/program.js";
import { readLedgerShard, type LedgerShard } from "../../../contracts/ledger.js";
import { programSettings, type ProgramSettings } from "../../../contracts/program-settings.js";
import { isPlatform, type Platform } from "../../../contracts/platforms.js";
import { int, isRecord, recordMap, strings, strOrNull, timeOf } from "../../../contracts/read-fields.js";
import type { VisitCounts } from "../clicks/visits.js";
import { readAffiliate, type AffiliateRecord } from "../affiliates/record.js";
import { readOrderRecord, type OrderRecord } from "../orders/record.js";
import { readPayout, type PayoutRecord } from "../payouts/record.js";
import { readSubscriptionRecord, type SubscriptionRecord } from "../orders/subscription.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

// Typed collections: every document the functions read goes through a reader (a zod schema or
// lenient field readers), so no code casts `snapshot.data()`. Only orders are written through their
// converter (their stored times differ from the typed ones); other writes are partial updates or
// go through `withConverter(null)` with the fields they set.

function reader<T>(read: (data: DocumentData, id: string) => T): FirestoreDataConverter<T> {
  return {
    fromFirestore: (snapshot) => read(snapshot.data(), snapshot.id),
    toFirestore: () => {
      throw new Error("Written field by field, never through this converter");
    },
  };
}

const timestamp = (value: unknown): unknown => (typeof value === "string" ? Timestamp.fromDate(new Date(value)) : value);

/** Orders keep saleAt and payableAt as Timestamps (queried and ordered by the portal). */
const orderConverter: FirestoreDataConverter<OrderRecord> = {
  fromFirestore: (snapshot) => readOrderRecord(snapshot.data(), snapshot.id),
  toFirestore: (order: PartialWithFieldValue<OrderRecord>) => ({
    ...order,
    saleAt: timestamp(order.saleAt),
    payableAt: timestamp(order.payableAt),
    updatedAt: FieldValue.serverTimestamp(),
  }),
};

/** Subscriptions keep `startedAt` as a Timestamp, like the orders' times. */
const subscriptionConverter: FirestoreDataConverter<SubscriptionRecord> = {
  fromFirestore: (snapshot) => readSubscriptionRecord(snapshot.data(), snapshot.id),
  toFirestore: (sub: PartialWithFieldValue<SubscriptionRecord>) => ({ ...sub, startedAt: timestamp(sub.startedAt), updatedAt: FieldValue.serverTimestamp() }),
};

/** What the order trigger last added to the ledger for an order (`commissions/{orderKey}.applied`). */
export interface AppliedContribution {
  applied: Contribution | null;
}

/** What the order trigger last added to the overview's summaries for an order (`orderStats/{orderKey}`). */
export interface AppliedProgramContribution {
  applied: ProgramContribution | null;
}

/** `customers/{platform}_{customerId}`: what Paddle Billing tells apart from the sale. */
export interface CustomerRecord {
  email: string | null;
  name: string | null;
}

/** `slugs/{slug}`: the affiliate a readable link name belongs to. */
export interface SlugRecord {
  affiliateId: string | null;
}

export const orders = () => db().collection("orders").withConverter(orderConverter);
export const subscriptions = () => db().collection("subscriptions").withConverter(subscriptionConverter);
export const affiliates = () => db().collection("affiliates").withConverter(reader<AffiliateRecord>(readAffiliate));
export const ledgers = () => db().collection("ledgers").withConverter(reader<LedgerShard>(readLedgerShard));
export const payouts = () => db().collection("payouts").withConverter(reader<PayoutRecord>(readPayout));
export const programSettingsDoc = () => db().collection("settings").doc("program").withConverter(reader<ProgramSettings>(programSettings));
export const commissions = () =>
  db()
    .collection("commissions")
    .withConverter(reader<AppliedContribution>((data) => ({ applied: isRecord(data["applied"]) ? readLedgerShard(data["applied"]) : null })));
export const orderStats = () =>
  db()
    .collection("orderStats")
    .withConverter(reader<AppliedProgramContribution>((data) => ({ applied: readProgramContribution(data["applied"]) })));
export const customers = () =>
  db()
    .collection("customers")
    .withConverter(reader<CustomerRecord>((data) => ({ email: strOrNull(data["email"]), name: strOrNull(data["name"]) })));
export const slugs = () =>
  db()
    .collection("slugs")
    .withConverter(
      reader<SlugRecord>((data) => {
        // The id becomes a document path: anything with a slash is not one.
        const id = strOrNull(data["affiliateId"]);
        return { affiliateId: id !== null && !id.includes("/") ? id : null };
      }),
    );

/** `discountCodes/{CODE}` or `discountCodes/{platform}:{id}`: whose discount code (or platform discount id) this is. */
export interface DiscountClaim {
  affiliateId: string | null;
  /** The code as the owner entered it. */
  code: string | null;
}

export const discountCodes = () =>
  db()
    .collection("discountCodes")
    .withConverter(
      reader<DiscountClaim>((data) => {
        const id = strOrNull(data["affiliateId"]);
        return { affiliateId: id !== null && !id.includes("/") ? id : null, code: strOrNull(data["code"]) };
      }),
    );

/** `visits/{affiliateId}_{day}_{visitor}`: one visitor's counted clicks for one affiliate on one UTC day. */
export interface VisitRecord extends VisitCounts {
  /** Requests already applied, newest last: a commit the SDK retries after an unknown outcome is not counted twice. */
  requestIds: string[];
}

export const visitDocs = () =>
  db()
    .collection("visits")
    .withConverter(
      reader<VisitRecord>((f) => ({ redirect: int(f["redirect"]), beacon: int(f["beacon"]), requestIds: strings(f["requestIds"]) })),
    );

/** One day of `clickStats/{affiliateId}_{YYYY-MM}_{shard}` as the fold writes it. */
export interface FoldedDay {
  /** Read time of the count these figures come from; null for counters written before folding. */
  asOf: Timestamp | null;
  clicks: number;
  uniques: number;
}

export const clickStatDocs = () =>
  db()
    .collection("clickStats")
    .withConverter(
      reader<Record<string, FoldedDay>>((f) => recordMap(f["days"], (day) => ({
          asOf: day["asOf"] instanceof Timestamp ? day["asOf"] : null,
          clicks: int(day["clicks"]),
          uniques: int(day["uniques"]),
        })),),
    );

/** `webhookEvents/{platform}_{eventKey}`: a verified delivery, stored before it is read. */
export interface StoredEvent {
  id: string;
  platform: Platform | null;
  eventType: string | null;
  /** received → processed, ignored (changes nothing) or failed (replayable, `stage` says where). */
  status: string | null;
  receivedAt: Date | null;
  /** The verified body exactly as it arrived: every replay parses it again. */
  rawBody: Buffer | null;
  /** The endpoint's configuration when it arrived (Paddle sandbox), so a replay parses it alike. */
  sandbox: boolean;
}

function rawBodyOf(raw: unknown, bytes: unknown): Buffer | null {
  if (typeof raw === "string") return Buffer.from(raw, "utf8");
  return bytes instanceof Uint8Array ? Buffer.from(bytes) : null;
}

export const webhookEvents = () =>
  db()
    .collection("webhookEvents")
    .withConverter(
      reader<StoredEvent>((f, id) => ({
        id,
        platform: isPlatform(f["platform"]) ? f["platform"] : null,
        eventType: strOrNull(f["eventType"]),
        status: strOrNull(f["status"]),
        receivedAt: timeOf(f["receivedAt"]),
        rawBody: rawBodyOf(f["raw"], f["rawBytes"]),
        sandbox: f["sandbox"] === true,
      })),
    );
