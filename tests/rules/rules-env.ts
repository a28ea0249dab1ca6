// Shared set-up for the rules suites: the test environment, one client per role, the seeded
// documents and the operations of the matrix. Every id starts with "rules-" so these suites never
// read or overwrite another suite's data; the one shared path (settings/program) is put back as it
// was found.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
  type TokenOptions,
} from "@firebase/rules-unit-testing";
import firebase from "firebase/compat/app";
import "firebase/compat/firestore";
import type { Expectation, KeyedCollection, KeyedOp, Role, SharedCollection, SharedOp } from "./matrix";

export type Db = firebase.firestore.Firestore;

// Every denied request is expected here; the SDK would log each one as an error.
firebase.firestore.setLogLevel("silent");
export type DocData = firebase.firestore.DocumentData;

// FIRESTORE_RULES_FILE lets a mutation run load a deliberately broken copy; unset in normal runs.
const rulesPath = process.env.FIRESTORE_RULES_FILE ?? fileURLToPath(new URL("../../firestore.rules", import.meta.url));

export function emulatorHostPort(): { host: string; port: number } {
  const raw = process.env.FIRESTORE_EMULATOR_HOST;
  if (raw === undefined || raw === "") {
    throw new Error("FIRESTORE_EMULATOR_HOST is not set: run these tests inside `firebase emulators:exec`");
  }
  const colon = raw.lastIndexOf(":");
  const port = Number(raw.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port)) throw new Error(`FIRESTORE_EMULATOR_HOST is not host:port: ${raw}`);
  return { host: raw.slice(0, colon).replace(/^\[|\]$/g, ""), port };
}

/** assertFails passes only on permission-denied, so a not-found or invalid-argument still fails. */
export async function expectRule(expect: Expectation, attempt: Promise<unknown>): Promise<void> {
  if (expect === "allow") await assertSucceeds(attempt);
  else await assertFails(attempt);
}

export const uid = {
  A: "rules-alice",
  B: "rules-bob",
  S: "rules-sam",
  P: "rules-pat",
  D: "rules-dan",
  Owner: "rules-olivia",
  FakeOwner: "rules-fred",
} as const;

const claims: Record<Exclude<Role, "Anon">, { uid: string; token: TokenOptions }> = {
  A: { uid: uid.A, token: { email: "alice@example.com", email_verified: true } },
  B: { uid: uid.B, token: { email: "bob@example.com", email_verified: true } },
  S: { uid: uid.S, token: { email: "sam@example.com", email_verified: true } },
  P: { uid: uid.P, token: { email: "pat@example.com", email_verified: true } },
  D: { uid: uid.D, token: { email: "dan@example.com", email_verified: true } },
  UA: { uid: uid.A, token: { email: "alice@example.com", email_verified: false } },
  Owner: { uid: uid.Owner, token: { email: "owner@example.com", email_verified: true, owner: true } },
  FakeOwner: { uid: uid.FakeOwner, token: { email: "fred@example.com", email_verified: true, owner: "true" } },
};

/** The uid whose documents are "own" for a role; null for roles that own no affiliate data. */
export function ownUid(role: Role): string | null {
  switch (role) {
    case "A":
    case "UA":
      return uid.A;
    case "B":
      return uid.B;
    case "S":
      return uid.S;
    case "P":
      return uid.P;
    case "D":
      return uid.D;
    case "Anon":
    case "Owner":
    case "FakeOwner":
      return null;
  }
}

export function otherUid(role: Role): string {
  return role === "A" ? uid.B : uid.A;
}

const created = firebase.firestore.Timestamp.fromMillis(Date.UTC(2025, 0, 15));

/** S signed up but has no affiliate document; everyone else with a uid does. */
const affiliateUids = [uid.A, uid.B, uid.P, uid.D] as const;
const rowUids = [uid.A, uid.B, uid.S, uid.P, uid.D] as const;
const statusOf: Record<string, string> = { [uid.A]: "active", [uid.B]: "active", [uid.P]: "pending", [uid.D]: "disabled" };

export function affiliateDoc(affiliateId: string, status: string): DocData {
  const name = affiliateId.replace("rules-", "");
  return {
    email: `${name}@example.com`,
    name,
    status,
    rateBps: null,
    cookieDays: 30,
    discountCode: null,
    slug: name,
    displayName: name,
    payoutEmail: "",
    website: "https://example.com",
    promotion: "newsletter",
    note: "",
    createdAt: created,
  };
}

interface KeyedSpec {
  docId: (affiliateId: string) => string;
  data: (affiliateId: string) => DocData;
  /** The largest page the rules let an affiliate list; null where affiliates cannot list. */
  listCap: number | null;
  updateOk: DocData;
  updateBad: DocData;
  owners: readonly string[];
}

export const keyedSpecs: Record<KeyedCollection, KeyedSpec> = {
  affiliates: {
    docId: (a) => a,
    data: (a) => affiliateDoc(a, statusOf[a] ?? "active"),
    listCap: null,
    updateOk: { displayName: "Display Name" },
    updateBad: { status: "active", rateBps: 9000 },
    owners: affiliateUids,
  },
  commissions: {
    docId: (a) => `paddle_ord-${a}`,
    data: (a) => ({
      affiliateId: a,
      platform: "paddle",
      status: "pending",
      currency: "EUR",
      commissionMinor: 2500,
      payableAt: created,
      applied: { currency: "EUR", pendingMinor: 2500 },
    }),
    listCap: 100,
    updateOk: { seen: true },
    updateBad: { commissionMinor: 999_999, status: "approved" },
    owners: rowUids,
  },
  ledgers: {
    docId: (a) => `${a}_EUR_0`,
    data: (a) => ({ affiliateId: a, currency: "EUR", shard: 0, pendingByDay: { "2025-02-14": 2500 }, carryMinor: 0, flaggedMinor: 0 }),
    listCap: 50,
    updateOk: { seen: true },
    updateBad: { carryMinor: 100_000 },
    owners: rowUids,
  },
  clickStats: {
    docId: (a) => `${a}_2025-01_0`,
    data: (a) => ({ affiliateId: a, month: "2025-01", shard: 0, clicks: { "2025-01-15": 3 }, uniques: { "2025-01-15": 2 } }),
    listCap: 100,
    updateOk: { seen: true },
    updateBad: { clicks: { "2025-01-15": 3000 } },
    owners: rowUids,
  },
  payouts: {
    docId: (a) => `po-${a}`,
    data: (a) => ({
      affiliateId: a,
      currency: "EUR",
      amountMinor: 5000,
      method: "bank",
      reference: "ref-1",
      orderKeys: [`paddle_ord-${a}`],
      createdAt: created,
    }),
    listCap: 100,
    updateOk: { reference: "ref-2" },
    updateBad: { amountMinor: 500_000 },
    owners: rowUids,
  },
  payoutRequests: {
    docId: (a) => `${a}_EUR`,
    data: (a) => ({ affiliateId: a, currency: "EUR", amountMinor: 7500, thresholdMinor: 5000, status: "open", requestedAt: created, closedAt: null, payoutId: null }),
    listCap: 20,
    // Even closing one's own request is the server's: it happens when the owner records the payout.
    updateOk: { status: "paid" },
    updateBad: { amountMinor: 500_000 },
    owners: rowUids,
  },
};

interface SharedSpec {
  /** The Firestore collection; `unlisted` is a collection no rule names. */
  collection: string;
  docId: string;
  data: DocData;
  updateOk: DocData;
  updateBad: DocData;
}

export const sharedSpecs: Record<SharedCollection, SharedSpec> = {
  settings: {
    collection: "settings",
    docId: "program",
    data: {
      name: "Rules test program",
      defaultRateBps: 5000,
      refundWindowDays: 30,
      cookieDays: 30,
      payoutThresholdMinor: 5000,
      discountCode: null,
    },
    updateOk: { name: "Renamed" },
    updateBad: { defaultRateBps: 10_000 },
  },
  courses: {
    collection: "courses",
    docId: "rules-course-1",
    data: { name: "Course", siteUrl: "https://example.com", productIds: { paddle: ["pro_1"], "paddle-classic": [], lemonsqueezy: [] } },
    updateOk: { name: "Renamed" },
    updateBad: { productIds: { paddle: ["pro_evil"], "paddle-classic": [], lemonsqueezy: [] } },
  },
  slugs: {
    collection: "slugs",
    docId: "rules-alice",
    data: { affiliateId: uid.A },
    updateOk: { note: "x" },
    updateBad: { affiliateId: uid.B },
  },
  discountCodes: {
    collection: "discountCodes",
    docId: "RULES10",
    data: { affiliateId: uid.B, code: "rules10" },
    updateOk: { note: "x" },
    updateBad: { affiliateId: uid.A },
  },
  orders: {
    collection: "orders",
    docId: `paddle_ord-${uid.A}`,
    data: { affiliateId: uid.A, status: "paid", customerEmail: "buyer@example.com", commissionMinor: 2500 },
    updateOk: { note: "x" },
    updateBad: { affiliateId: uid.B, commissionMinor: 0 },
  },
  customers: {
    collection: "customers",
    docId: "rules-cust-1",
    data: { email: "buyer@example.com", name: "Buyer" },
    updateOk: { note: "x" },
    updateBad: { email: "other@example.com" },
  },
  // A's own subscription (the affiliate field names A): still owner-only, so A is denied beside the owner.
  subscriptions: {
    collection: "subscriptions",
    docId: "paddle_sub_rules-1",
    data: { platform: "paddle", subscriptionId: "sub_rules-1", affiliateId: uid.A, policy: { kind: "payments", limit: 3 }, paymentsCredited: 2 },
    updateOk: { note: "x" },
    updateBad: { affiliateId: uid.B, policy: { kind: "every" } },
  },
  webhookEvents: {
    collection: "webhookEvents",
    docId: "paddle_rules-evt-1",
    data: { status: "processed", orderKey: `paddle_ord-${uid.A}`, raw: "{}" },
    updateOk: { note: "x" },
    updateBad: { status: "received" },
  },
  visits: {
    collection: "visits",
    docId: `${uid.A}_2025-01-15_rulesvisitor1`,
    data: { affiliateId: uid.A, courseId: "rules-course-1", day: "2025-01-15", visitor: "rulesvisitor1", ipPrefix: "203.0.113.0", beacon: 1, redirect: 0, clicks: 1 },
    updateOk: { note: "x" },
    updateBad: { affiliateId: uid.B },
  },
  audit: {
    collection: "audit",
    docId: "rules-audit-1",
    data: { actor: uid.Owner, action: "approve", target: uid.A },
    updateOk: { note: "x" },
    updateBad: { actor: uid.A },
  },
  mail: {
    collection: "mail",
    docId: "rules-mail-1",
    data: { to: ["alice@example.com"], message: { subject: "Hi", text: "Hello" } },
    updateOk: { note: "x" },
    updateBad: { to: ["attacker@example.com"] },
  },
  // [owners] The owner role's record: without it the rules grant the claim nothing.
  owners: {
    collection: "owners",
    docId: uid.Owner,
    data: { email: "owner@example.com" },
    updateOk: { note: "x" },
    updateBad: { email: "fred@example.com" },
  },
  // [owner-only] The owner's note on A, and who else gets sale emails.
  affiliateNotes: {
    collection: "affiliateNotes",
    docId: uid.A,
    data: { note: "Owner only: asked for a higher rate" },
    updateOk: { note: "x" },
    updateBad: { note: "approved by owner" },
  },
  ownerSettings: {
    collection: "settings",
    docId: "owner",
    data: { notifyEmails: ["partner@example.com"] },
    updateOk: { notifyEmails: [] },
    updateBad: { notifyEmails: ["attacker@example.com"] },
  },
  unlisted: {
    collection: "secrets",
    docId: "rules-secret-1",
    data: { value: "s3cret" },
    updateOk: { note: "x" },
    updateBad: { value: "changed" },
  },
  programStats: {
    collection: "programStats",
    docId: "USD_2025_0",
    data: { kind: "sales", currency: "USD", year: 2025, shard: 0, days: { "01-15": { sales: 1, revenueMinor: 9900 } } },
    updateOk: { note: "x" },
    updateBad: { days: { "01-15": { sales: 0 } } },
  },
  orderStats: {
    collection: "orderStats",
    docId: `paddle_ord-${uid.A}`,
    data: { applied: { currency: "USD", day: "2025-01-15", revenueMinor: 9900 } },
    updateOk: { note: "x" },
    updateBad: { applied: null },
  },
  rateLimits: {
    collection: "rateLimits",
    docId: "sign-in-email_20260101T0000_rules",
    data: { scope: "sign-in-email", count: 10 },
    updateOk: { count: 0 },
    updateBad: { count: 0, scope: "x" },
  },
  syncRuns: {
    collection: "syncRuns",
    docId: "rulesrun1",
    data: { platform: "paddle", kind: "sync", status: "done", counts: { recorded: 1 } },
    updateOk: { note: "x" },
    updateBad: { status: "queued" },
  },
  syncState: {
    collection: "syncState",
    docId: "paddle",
    data: { checkpoint: "2026-01-01T00:00:00Z", lastMissed: 0 },
    updateOk: { note: "x" },
    updateBad: { checkpoint: "2020-01-01T00:00:00Z" },
  },
  applications: {
    collection: "applications",
    docId: "app_0123456789abcdef0123456789abcdef",
    data: { name: "Applicant", email: "applicant@example.com", website: "https://example.com", promotion: "A newsletter." },
    updateOk: { note: "x" },
    updateBad: { email: "attacker@example.com" },
  },
};

export const createdDocId = "rules-created";

/** Where `create` writes for a keyed collection: the caller's own id if free (S self-onboarding). */
export function keyedCreateId(collection: KeyedCollection, role: Role): string {
  const spec = keyedSpecs[collection];
  const me = ownUid(role);
  if (me !== null && !spec.owners.includes(me)) return spec.docId(me);
  return spec.docId(`${me ?? role.toLowerCase()}-new`);
}

/** The document update and delete aim at: the caller's own, else A's. */
function keyedWriteTarget(collection: KeyedCollection, role: Role): string {
  const spec = keyedSpecs[collection];
  const me = ownUid(role);
  return spec.docId(me !== null && spec.owners.includes(me) ? me : uid.A);
}

export function keyedOperation(db: Db, collection: KeyedCollection, role: Role, op: KeyedOp): Promise<unknown> {
  const spec = keyedSpecs[collection];
  const col = db.collection(collection);
  const me = ownUid(role) ?? uid.A;
  const other = otherUid(role);
  const listBy = (who: string): firebase.firestore.Query =>
    collection === "affiliates"
      ? col.where(firebase.firestore.FieldPath.documentId(), "==", who).limit(10)
      : col.where("affiliateId", "==", who).limit(spec.listCap ?? 10);
  switch (op) {
    case "get-own":
      return col.doc(spec.docId(me)).get();
    case "get-other":
      return col.doc(spec.docId(other)).get();
    case "list-all":
      return col.limit(10).get();
    case "list-own":
      return listBy(me).get();
    case "list-other":
      return listBy(other).get();
    case "create": {
      const creator = ownUid(role) ?? `rules-${role.toLowerCase()}`;
      return col.doc(keyedCreateId(collection, role)).set({ ...spec.data(creator), status: "active" });
    }
    case "update-ok":
      return col.doc(keyedWriteTarget(collection, role)).update(spec.updateOk);
    case "update-bad":
      return col.doc(keyedWriteTarget(collection, role)).update(spec.updateBad);
    case "delete":
      return col.doc(keyedWriteTarget(collection, role)).delete();
  }
}

export function sharedOperation(db: Db, collection: SharedCollection, op: SharedOp): Promise<unknown> {
  const spec = sharedSpecs[collection];
  const col = db.collection(spec.collection);
  switch (op) {
    case "get":
      return col.doc(spec.docId).get();
    case "list":
      return col.limit(10).get();
    case "create":
      return col.doc(createdDocId).set(spec.data);
    case "update-ok":
      return col.doc(spec.docId).update(spec.updateOk);
    case "update-bad":
      return col.doc(spec.docId).update(spec.updateBad);
    case "delete":
      return col.doc(spec.docId).delete();
  }
}

/** Every path this suite seeds or might write, with its seed data (null: must not exist). */
export function seedPlan(): Map<string, DocData | null> {
  const plan = new Map<string, DocData | null>();
  for (const [collection, spec] of Object.entries(keyedSpecs)) {
    for (const owner of spec.owners) plan.set(`${collection}/${spec.docId(owner)}`, spec.data(owner));
    for (const role of ["Anon", "A", "B", "S", "P", "D", "UA", "Owner", "FakeOwner"] as const) {
      const path = `${collection}/${keyedCreateId(collection as KeyedCollection, role)}`;
      if (!plan.has(path)) plan.set(path, null);
    }
  }
  for (const spec of Object.values(sharedSpecs)) {
    plan.set(`${spec.collection}/${spec.docId}`, spec.data);
    plan.set(`${spec.collection}/${createdDocId}`, null);
  }
  return plan;
}

export interface RulesSuite {
  env: RulesTestEnvironment;
  db: (role: Role) => Db;
  as: (affiliateId: string, token: TokenOptions) => Db;
  /** Writes with rules disabled, remembering the path so teardown puts it back. */
  serverSet: (path: string, data: DocData) => Promise<void>;
  teardown: () => Promise<void>;
}

/**
 * The rules suites use their own project id on the shared emulator. Under `demo-affiliates` the
 * Functions emulator would run the real triggers (orders, visits) on the seeded documents, which
 * would write commissions, ledgers and mail that other suites then see. Single-project mode only
 * warns about a second project id. Loading rules for this project leaves the main project alone.
 */
export const rulesProjectId = "demo-affiliates-rules";

/**
 * Seeds once, without clearFirestore(): seeding is cheap, and should the suite ever run under the
 * main project id, clearing would wipe other suites' data. Prior contents of every touched path are
 * kept and restored by teardown().
 */
export async function startRulesSuite(projectId = rulesProjectId): Promise<RulesSuite> {
  const env = await initializeTestEnvironment({
    projectId,
    firestore: { rules: readFileSync(rulesPath, "utf8"), ...emulatorHostPort() },
  });
  const originals = new Map<string, DocData | null>();
  const remember = async (admin: Db, path: string): Promise<void> => {
    if (originals.has(path)) return;
    const snap = await admin.doc(path).get();
    originals.set(path, snap.exists ? (snap.data() ?? null) : null);
  };

  await env.withSecurityRulesDisabled(async (ctx) => {
    const admin = ctx.firestore();
    const plan = seedPlan();
    await Promise.all([...plan.keys()].map((path) => remember(admin, path)));
    const batch = admin.batch();
    for (const [path, data] of plan) {
      if (data === null) batch.delete(admin.doc(path));
      else batch.set(admin.doc(path), data);
    }
    await batch.commit();
  });

  const contexts = new Map<string, RulesTestContext>();
  const context = (key: string, make: () => RulesTestContext): Db => {
    let ctx = contexts.get(key);
    if (ctx === undefined) {
      ctx = make();
      contexts.set(key, ctx);
    }
    return ctx.firestore();
  };

  return {
    env,
    db: (role) =>
      role === "Anon"
        ? context("Anon", () => env.unauthenticatedContext())
        : context(role, () => env.authenticatedContext(claims[role].uid, claims[role].token)),
    as: (affiliateId, token) =>
      context(`${affiliateId}:${JSON.stringify(token)}`, () => env.authenticatedContext(affiliateId, token)),
    serverSet: (path, data) =>
      env.withSecurityRulesDisabled(async (ctx) => {
        const admin = ctx.firestore();
        await remember(admin, path);
        await admin.doc(path).set(data);
      }),
    teardown: async () => {
      await env.withSecurityRulesDisabled(async (ctx) => {
        const admin = ctx.firestore();
        const batch = admin.batch();
        for (const [path, data] of originals) {
          if (data === null) batch.delete(admin.doc(path));
          else batch.set(admin.doc(path), data);
        }
        await batch.commit();
      });
      await env.cleanup();
    },
  };
}
