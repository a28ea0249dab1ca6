// The Firestore rules test matrix, one row per (collection, role), mirroring section (d) of
// /work/shared/reference/reliability.md adapted to docs/data-model.md. The suite turns every cell
// into one `it`. Y = the rules must allow it, n = they must deny it, - = not applicable.
//
// Per-affiliate ("keyed") collections use nine operations:
//   get-own     get the document that belongs to the caller
//   get-other   get another affiliate's document (B's for A, A's for everyone else)
//   list-all    query the collection with no filter (limit 10)
//   list-own    query where affiliateId == caller, limit = the rule's cap (affiliates: by document id)
//   list-other  the same query on another affiliate
//   create      create a fresh document naming the caller
//   update-ok   change only the fields the rules let an affiliate change
//   update-bad  change a server-owned field
//   delete      delete the caller's document (A's for roles without one)
// Shared collections use six: get, list, create, update-ok, update-bad, delete.

export const roles = ["Anon", "A", "B", "S", "P", "D", "UA", "Owner", "FakeOwner"] as const;
export type Role = (typeof roles)[number];

export const keyedOps = [
  "get-own",
  "get-other",
  "list-all",
  "list-own",
  "list-other",
  "create",
  "update-ok",
  "update-bad",
  "delete",
] as const;
export type KeyedOp = (typeof keyedOps)[number];

export const sharedOps = ["get", "list", "create", "update-ok", "update-bad", "delete"] as const;
export type SharedOp = (typeof sharedOps)[number];

export type Expectation = "allow" | "deny";

export const keyedCollections = ["affiliates", "commissions", "ledgers", "clickStats", "payouts", "payoutRequests"] as const;
export type KeyedCollection = (typeof keyedCollections)[number];

export const sharedCollections = [
  "settings",
  "courses",
  "slugs",
  // Discount code claims (codes).
  "discountCodes",
  "orders",
  "customers",
  // [recurring] the credit and policy of each subscription (subscriptions/{platform}_{id}, A's here).
  "subscriptions",
  "webhookEvents",
  "visits",
  "audit",
  "mail",
  // [owners] the server-kept owner records the rules read.
  "owners",
  // [owner-only] the owner's note on an affiliate (affiliateNotes/{affiliateId}, A's here) and settings/owner.
  "affiliateNotes",
  "ownerSettings",
  "unlisted",
  // Sign-in and application limits, and applications awaiting review (signup).
  "rateLimits",
  "applications",
  // Reconciliation runs and checkpoints (issue 15).
  "syncRuns",
  "syncState",
  // The owner overview's summaries, and what each order last added to them (overview).
  "programStats",
  "orderStats",
] as const;
export type SharedCollection = (typeof sharedCollections)[number];

type Row = string;
type Table = Record<Role, Row>;

//                      get-own get-other list-all list-own list-other create upd-ok upd-bad delete
const affiliates: Table = {
  Anon: /*           */ "-       n         n        -        n          n      n      n       n",
  A: /*              */ "Y       n         n        n        n          n      Y      n       n",
  B: /*              */ "Y       n         n        n        n          n      Y      n       n",
  S: /*              */ "n       n         n        n        n          n      n      n       n",
  P: /*              */ "n       n         n        n        n          n      n      n       n",
  D: /*              */ "n       n         n        n        n          n      n      n       n",
  UA: /*             */ "n       n         n        n        n          n      n      n       n",
  Owner: /*          */ "-       Y         Y        -        Y          n      n      n       n",
  FakeOwner: /*      */ "-       n         n        -        n          n      n      n       n",
};

// commissions, ledgers, clickStats, payouts and payoutRequests: read own rows, never write (a
// payout request is made through the requestPayout callable).
//                      get-own get-other list-all list-own list-other create upd-ok upd-bad delete
const affiliateRows: Table = {
  Anon: /*           */ "-       n         n        -        n          n      n      n       n",
  A: /*              */ "Y       n         n        Y        n          n      n      n       n",
  B: /*              */ "Y       n         n        Y        n          n      n      n       n",
  S: /*              */ "n       n         n        n        n          n      n      n       n",
  P: /*              */ "n       n         n        n        n          n      n      n       n",
  D: /*              */ "n       n         n        n        n          n      n      n       n",
  UA: /*             */ "n       n         n        n        n          n      n      n       n",
  Owner: /*          */ "-       Y         Y        -        Y          n      n      n       n",
  FakeOwner: /*      */ "-       n         n        -        n          n      n      n       n",
};

//                      get list create upd-ok upd-bad delete
const settings: Table = {
  Anon: /*           */ "n   n    n      n      n       n",
  A: /*              */ "Y   n    n      n      n       n",
  B: /*              */ "Y   n    n      n      n       n",
  S: /*              */ "n   n    n      n      n       n",
  P: /*              */ "n   n    n      n      n       n",
  D: /*              */ "n   n    n      n      n       n",
  UA: /*             */ "n   n    n      n      n       n",
  Owner: /*          */ "Y   n    n      n      n       n",
  FakeOwner: /*      */ "n   n    n      n      n       n",
};

const courses: Table = {
  Anon: /*           */ "n   n    n      n      n       n",
  A: /*              */ "Y   Y    n      n      n       n",
  B: /*              */ "Y   Y    n      n      n       n",
  S: /*              */ "n   n    n      n      n       n",
  P: /*              */ "n   n    n      n      n       n",
  D: /*              */ "n   n    n      n      n       n",
  UA: /*             */ "n   n    n      n      n       n",
  Owner: /*          */ "Y   Y    n      n      n       n",
  FakeOwner: /*      */ "n   n    n      n      n       n",
};

// slugs, orders, customers, webhookEvents, visits (raw clicks), audit and mail (the outbox view).
const ownerReadOnly: Table = {
  Anon: /*           */ "n   n    n      n      n       n",
  A: /*              */ "n   n    n      n      n       n",
  B: /*              */ "n   n    n      n      n       n",
  S: /*              */ "n   n    n      n      n       n",
  P: /*              */ "n   n    n      n      n       n",
  D: /*              */ "n   n    n      n      n       n",
  UA: /*             */ "n   n    n      n      n       n",
  Owner: /*          */ "Y   Y    n      n      n       n",
  FakeOwner: /*      */ "n   n    n      n      n       n",
};

// [owner-only] settings/owner: one document, get only, the owner only.
const ownerGetOnly: Table = {
  Anon: /*           */ "n   n    n      n      n       n",
  A: /*              */ "n   n    n      n      n       n",
  B: /*              */ "n   n    n      n      n       n",
  S: /*              */ "n   n    n      n      n       n",
  P: /*              */ "n   n    n      n      n       n",
  D: /*              */ "n   n    n      n      n       n",
  UA: /*             */ "n   n    n      n      n       n",
  Owner: /*          */ "Y   n    n      n      n       n",
  FakeOwner: /*      */ "n   n    n      n      n       n",
};

// A collection no rule names: denied to everyone, the owner included.
const unlisted: Table = {
  Anon: /*           */ "n   n    n      n      n       n",
  A: /*              */ "n   n    n      n      n       n",
  B: /*              */ "n   n    n      n      n       n",
  S: /*              */ "n   n    n      n      n       n",
  P: /*              */ "n   n    n      n      n       n",
  D: /*              */ "n   n    n      n      n       n",
  UA: /*             */ "n   n    n      n      n       n",
  Owner: /*          */ "n   n    n      n      n       n",
  FakeOwner: /*      */ "n   n    n      n      n       n",
};

export const keyedTables: Record<KeyedCollection, Table> = {
  affiliates,
  commissions: affiliateRows,
  ledgers: affiliateRows,
  clickStats: affiliateRows,
  payouts: affiliateRows,
  payoutRequests: affiliateRows,
};

export const sharedTables: Record<SharedCollection, Table> = {
  settings,
  courses,
  slugs: ownerReadOnly,
  // Whose code is whose: an affiliate can no more read the claims than write one.
  discountCodes: ownerReadOnly,
  orders: ownerReadOnly,
  customers: ownerReadOnly,
  // [recurring] A reads the payment number on their commissions, not the subscription (its policy and counts are the owner's).
  subscriptions: ownerReadOnly,
  webhookEvents: ownerReadOnly,
  visits: ownerReadOnly,
  audit: ownerReadOnly,
  mail: ownerReadOnly,
  // [owners] read by the rules only: no client reads or writes it, the owner included.
  owners: unlisted,
  // [owner-only] A's own note is no more readable to A than anyone else's.
  affiliateNotes: ownerReadOnly,
  ownerSettings: ownerGetOnly,
  unlisted,
  // Counters of the public callables' limits: server only, not even the owner reads them.
  rateLimits: unlisted,
  // Applications hold applicants' emails: the owner reads them, changes go through callables.
  applications: ownerReadOnly,
  // Sync runs and checkpoints: the owner watches them, only functions write them.
  syncRuns: ownerReadOnly,
  syncState: ownerReadOnly,
  // Program-wide revenue and commission: the owner's; an active affiliate reads only their own ledger.
  programStats: ownerReadOnly,
  // Bookkeeping of the order trigger, read by nobody from a client.
  orderStats: unlisted,
};

export interface Cell<Op extends string, C extends string> {
  collection: C;
  role: Role;
  op: Op;
  expect: Expectation;
}

function parseRow<Op extends string>(row: Row, ops: readonly Op[], where: string): Array<[Op, Expectation | null]> {
  const marks = row.trim().split(/\s+/);
  if (marks.length !== ops.length) {
    throw new Error(`${where}: ${marks.length} marks for ${ops.length} operations`);
  }
  return ops.map((op, i): [Op, Expectation | null] => {
    const mark = marks[i];
    if (mark === "Y") return [op, "allow"];
    if (mark === "n") return [op, "deny"];
    if (mark === "-") return [op, null];
    throw new Error(`${where}: unknown mark ${String(mark)}`);
  });
}

function expand<Op extends string, C extends string>(
  tables: Record<C, Table>,
  collections: readonly C[],
  ops: readonly Op[],
): Array<Cell<Op, C>> {
  const cells: Array<Cell<Op, C>> = [];
  for (const collection of collections) {
    for (const role of roles) {
      for (const [op, expect] of parseRow(tables[collection][role], ops, `${collection}/${role}`)) {
        if (expect !== null) cells.push({ collection, role, op, expect });
      }
    }
  }
  return cells;
}

export const keyedCells = expand(keyedTables, keyedCollections, keyedOps);
export const sharedCells = expand(sharedTables, sharedCollections, sharedOps);
