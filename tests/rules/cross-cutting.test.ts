// The cross-cutting cases of reliability.md (d), plus the field-level checks of the one client
// write (an active affiliate editing displayName and payoutEmail). Each allow sits beside the
// deny of its neighbouring case.
import firebase from "firebase/compat/app";
import "firebase/compat/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Expectation } from "./matrix";
import { affiliateDoc, expectRule, keyedSpecs, startRulesSuite, uid, type Db, type RulesSuite } from "./rules-env";

let suite: RulesSuite;

beforeAll(async () => {
  suite = await startRulesSuite();
});

afterAll(async () => {
  await suite.teardown();
});

interface Case {
  name: string;
  expect: Expectation;
  run: (s: RulesSuite) => Promise<unknown>;
}

const allow = (name: string, run: Case["run"]): Case => ({ name, expect: "allow", run });
const deny = (name: string, run: Case["run"]): Case => ({ name, expect: "deny", run });

const A = (s: RulesSuite): Db => s.db("A");
const owner = (s: RulesSuite): Db => s.db("Owner");
const aliceProfile = (s: RulesSuite) => A(s).doc(`affiliates/${uid.A}`);
const aliceCommission = (db: Db) => db.doc(`commissions/${keyedSpecs.commissions.docId(uid.A)}`);
const verified = { email: "alice@example.com", email_verified: true };
const FieldValue = firebase.firestore.FieldValue;
// TokenOptions types email_verified as boolean; a hand-made token could still carry a string.
const stringVerifiedClaim: Record<string, string> = Object.fromEntries([["email_verified", "true"]]);

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: "x" };
  for (let i = 1; i < depth; i++) value = { inner: value };
  return value;
}

const kb100 = "x".repeat(100 * 1024);
/** A syntactically valid address of exactly `length` characters. */
const emailOfLength = (length: number): string => `${"a".repeat(length - "@example.com".length)}@example.com`;

describe("collection-group queries", () => {
  it.each<Case>([
    allow("A lists own commissions in the top-level collection", (s) =>
      A(s).collection("commissions").where("affiliateId", "==", uid.A).limit(10).get(),
    ),
    deny("A collection-group query on commissions, filtered on A", (s) =>
      A(s).collectionGroup("commissions").where("affiliateId", "==", uid.A).limit(10).get(),
    ),
    deny("A collection-group query on payouts, filtered on A", (s) =>
      A(s).collectionGroup("payouts").where("affiliateId", "==", uid.A).limit(10).get(),
    ),
    deny("owner collection-group query on commissions (no {path=**} rule)", (s) =>
      owner(s).collectionGroup("commissions").limit(10).get(),
    ),
    allow("owner lists the top-level commissions collection", (s) => owner(s).collection("commissions").limit(10).get()),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("query limits and filters", () => {
  const rows = (["commissions", "ledgers", "clickStats", "payouts", "payoutRequests"] as const).flatMap((collection): Case[] => {
    const cap = keyedSpecs[collection].listCap ?? 0;
    const mine = (s: RulesSuite) => A(s).collection(collection).where("affiliateId", "==", uid.A);
    return [
      allow(`${collection}: A lists own with limit ${cap}`, (s) => mine(s).limit(cap).get()),
      deny(`${collection}: A lists own with limit ${cap + 1}`, (s) => mine(s).limit(cap + 1).get()),
      deny(`${collection}: A lists own with no limit`, (s) => mine(s).get()),
      deny(`${collection}: A lists where affiliateId in [A, B]`, (s) =>
        A(s).collection(collection).where("affiliateId", "in", [uid.A, uid.B]).limit(10).get(),
      ),
      deny(`${collection}: A lists where affiliateId != B`, (s) =>
        A(s).collection(collection).where("affiliateId", "!=", uid.B).limit(10).get(),
      ),
      allow(`${collection}: owner lists everything with no limit`, (s) => owner(s).collection(collection).get()),
    ];
  });
  it.each<Case>([
    ...rows,
    allow("courses: A lists all courses with no limit (catalogue, not per-affiliate)", (s) =>
      A(s).collection("courses").get(),
    ),
    deny("courses: S lists courses", (s) => s.db("S").collection("courses").limit(10).get()),
    allow("affiliates: owner lists everything with no limit", (s) => owner(s).collection("affiliates").get()),
    deny("affiliates: A lists where status == active", (s) =>
      A(s).collection("affiliates").where("status", "==", "active").limit(10).get(),
    ),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("transfer via update and writes aimed at others", () => {
  it.each<Case>([
    allow("A reads own commission", (s) => aliceCommission(A(s)).get()),
    deny("A moves own commission to B (update affiliateId)", (s) => aliceCommission(A(s)).update({ affiliateId: uid.B })),
    deny("A moves own commission to B (set merge)", (s) => aliceCommission(A(s)).set({ affiliateId: uid.B }, { merge: true })),
    deny("owner moves a commission to B from the client", (s) =>
      aliceCommission(owner(s)).update({ affiliateId: uid.B }),
    ),
    deny("A claims B's commission (update affiliateId to A)", (s) =>
      A(s).doc(`commissions/${keyedSpecs.commissions.docId(uid.B)}`).update({ affiliateId: uid.A }),
    ),
    deny("A creates a commission under B", (s) =>
      A(s).doc("commissions/paddle_rules-forged").set({ ...keyedSpecs.commissions.data(uid.B) }),
    ),
    deny("A moves own payout to B", (s) =>
      A(s).doc(`payouts/${keyedSpecs.payouts.docId(uid.A)}`).update({ affiliateId: uid.B }),
    ),
    deny("A points own slug index at A (slugs are server-only)", (s) =>
      A(s).doc("slugs/rules-alice").update({ affiliateId: uid.A }),
    ),
    allow("A updates own displayName", (s) => aliceProfile(s).update({ displayName: "Alice A." })),
    deny("A updates B's displayName", (s) => A(s).doc(`affiliates/${uid.B}`).update({ displayName: "Bob?" })),
    deny("A changes own sign-in email", (s) => aliceProfile(s).update({ email: "attacker@example.com" })),
    deny("S self-creates an active affiliate document", (s) =>
      s.db("S").doc(`affiliates/${uid.S}`).set(affiliateDoc(uid.S, "active")),
    ),
    deny("S self-creates a pending affiliate document", (s) =>
      s.db("S").doc(`affiliates/${uid.S}`).set(affiliateDoc(uid.S, "pending")),
    ),
    deny("P approves itself (status pending -> active)", (s) =>
      s.db("P").doc(`affiliates/${uid.P}`).update({ status: "active" }),
    ),
    deny("D re-enables itself (status disabled -> active)", (s) =>
      s.db("D").doc(`affiliates/${uid.D}`).update({ status: "active" }),
    ),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("affiliate profile update: only displayName and payoutEmail (no vacuous diff)", () => {
  const forbidden: Array<[string, unknown]> = [
    ["status", "disabled"],
    ["status", "pending"],
    ["rateBps", 9000],
    ["cookieDays", 365],
    ["discountCode", "FREE100"],
    ["discountIds", { paddle: "dsc_free" }],
    ["codeOnlyApproval", false],
    ["courseRates", { "any-course": 10_000 }],
    ["slug", "alice-new"],
    ["email", "alice2@example.com"],
    ["name", "Someone Else"],
    ["website", "https://evil.example"],
    ["promotion", "spam"],
    ["note", "approved by owner"],
    ["createdAt", firebase.firestore.Timestamp.fromMillis(0)],
    ["role", "owner"],
    ["owner", true],
    ["balances", { EUR: 1_000_000 }],
    ["affiliateId", uid.B],
  ];
  it.each<Case>([
    allow("displayName only", (s) => aliceProfile(s).update({ displayName: "Alice" })),
    allow("payoutEmail only", (s) => aliceProfile(s).update({ payoutEmail: "alice.payout@example.com" })),
    allow("both profile fields", (s) => aliceProfile(s).update({ displayName: "Alice", payoutEmail: "" })),
    ...forbidden.map(([key, value]) => deny(`only ${key} changes`, (s) => aliceProfile(s).update({ [key]: value }))),
    deny("displayName + status", (s) => aliceProfile(s).update({ displayName: "Alice", status: "active", rateBps: 1 })),
    deny("displayName + rateBps", (s) => aliceProfile(s).update({ displayName: "Alice", rateBps: 10_000 })),
    deny("payoutEmail + slug", (s) => aliceProfile(s).update({ payoutEmail: "", slug: "taken" })),
    deny("displayName + unknown key", (s) => aliceProfile(s).update({ displayName: "Alice", isAdmin: true })),
    // Writing a server field with the value it already has changes nothing, so diff() reports no
    // affected key; harmless, and it shows the diff is taken against the stored document.
    allow("status rewritten with its current value (no change)", (s) => aliceProfile(s).update({ status: "active" })),
    allow("full set() that changes only displayName", (s) =>
      aliceProfile(s).set({ ...affiliateDoc(uid.A, "active"), displayName: "Alice S." }),
    ),
    deny("full set() that drops a server field (note)", (s) => {
      const { note: _dropped, ...rest } = affiliateDoc(uid.A, "active");
      return aliceProfile(s).set(rest);
    }),
    deny("full set() that also changes status", (s) => aliceProfile(s).set({ ...affiliateDoc(uid.A, "disabled") })),
    allow("set merge of displayName", (s) => aliceProfile(s).set({ displayName: "Alice M." }, { merge: true })),
    deny("set merge of rateBps", (s) => aliceProfile(s).set({ rateBps: 9000 }, { merge: true })),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("profile field sizes and types", () => {
  const displayName: Array<[string, Expectation, unknown]> = [
    ["80 characters", "allow", "d".repeat(80)],
    ["empty string", "allow", ""],
    ["81 characters", "deny", "d".repeat(81)],
    ["100 KB string", "deny", kb100],
    ["number", "deny", 42],
    ["null", "deny", null],
    ["boolean", "deny", true],
    ["array of one string", "deny", ["Alice"]],
    ["array of 10k items", "deny", Array.from({ length: 10_000 }, (_, i) => i)],
    ["map nested 3 deep", "deny", nested(3)],
    ["map nested 20 deep", "deny", nested(20)],
    ["timestamp", "deny", firebase.firestore.Timestamp.now()],
    ["serverTimestamp()", "deny", FieldValue.serverTimestamp()],
    ["deleted (deleteField)", "deny", FieldValue.delete()],
  ];
  const payoutEmail: Array<[string, Expectation, unknown]> = [
    ["simple address", "allow", "alice.payout@example.com"],
    ["subdomain and plus tag", "allow", "alice+pay@mail.example.co.uk"],
    ["empty string (use sign-in email)", "allow", ""],
    ["254 characters", "allow", emailOfLength(254)],
    ["255 characters", "deny", emailOfLength(255)],
    ["100 KB string", "deny", `${kb100}@example.com`],
    ["no @", "deny", "alice.example.com"],
    ["no dot in domain", "deny", "alice@example"],
    ["trailing dot", "deny", "alice@example."],
    ["two @", "deny", "alice@@example.com"],
    ["nothing before @", "deny", "@example.com"],
    ["space inside", "deny", "alice smith@example.com"],
    ["trailing newline", "deny", "alice@example.com\n"],
    // [payout-email] The mail documents' pattern (contracts/email-address.ts): no address the mails would drop.
    ["a comma and more after it", "deny", "a@b.c,x"],
    ["two addresses joined by a semicolon", "deny", "a@b.c;x@y.z"],
    ["a display name", "deny", "Alice <alice@example.com>"],
    ["a quoted local part", "deny", '"alice"@example.com'],
    ["number", "deny", 12345],
    ["null", "deny", null],
    ["array", "deny", ["alice@example.com"]],
    ["deleted (deleteField)", "deny", FieldValue.delete()],
  ];
  it.each<Case>([
    ...displayName.map(([label, expect, value]): Case => ({
      name: `displayName: ${label}`,
      expect,
      run: (s) => aliceProfile(s).update({ displayName: value }),
    })),
    ...payoutEmail.map(([label, expect, value]): Case => ({
      name: `payoutEmail: ${label}`,
      expect,
      run: (s) => aliceProfile(s).update({ payoutEmail: value }),
    })),
    deny("valid displayName with invalid payoutEmail", (s) =>
      aliceProfile(s).update({ displayName: "Alice", payoutEmail: "not-an-email" }),
    ),
    deny("invalid displayName with valid payoutEmail", (s) =>
      aliceProfile(s).update({ displayName: 7, payoutEmail: "alice@example.com" }),
    ),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("claims", () => {
  const orders = (db: Db) => db.doc(`orders/paddle_ord-${uid.A}`);
  it.each<Case>([
    allow("owner (owner: true, verified) reads an order", (s) => orders(owner(s)).get()),
    deny("owner claim with email_verified false", (s) =>
      orders(s.as(uid.Owner, { email: "owner@example.com", email_verified: false, owner: true })).get(),
    ),
    deny("owner claim with no email_verified claim", (s) => orders(s.as(uid.Owner, { owner: true })).get()),
    deny('owner claim as the string "true"', (s) => orders(s.db("FakeOwner")).get()),
    deny("owner claim as the number 1", (s) => orders(s.as(uid.Owner, { email_verified: true, owner: 1 })).get()),
    deny("admin: true (wrong claim name)", (s) => orders(s.as(uid.Owner, { email_verified: true, admin: true })).get()),
    deny("A with owner: false", (s) => orders(s.as(uid.A, { ...verified, owner: false })).get()),
    deny("A (active affiliate) reads own order: orders hold customer data", (s) => orders(A(s)).get()),
    allow("A (verified) reads own commission", (s) => aliceCommission(A(s)).get()),
    deny("A with email_verified false reads own commission", (s) => aliceCommission(s.db("UA")).get()),
    deny("A with no email_verified claim reads own commission", (s) =>
      aliceCommission(s.as(uid.A, { email: "alice@example.com" })).get(),
    ),
    deny('A with email_verified as the string "true"', (s) =>
      aliceCommission(s.as(uid.A, { email: "alice@example.com", ...stringVerifiedClaim })).get(),
    ),
    deny("A with email_verified false lists own commissions", (s) =>
      s.db("UA").collection("commissions").where("affiliateId", "==", uid.A).limit(10).get(),
    ),
    allow("owner reads the mail outbox", (s) => owner(s).collection("mail").limit(10).get()),
    deny("owner queues a mail from the client", (s) =>
      owner(s).doc("mail/rules-owner-mail").set({ to: ["x@example.com"], message: { subject: "s", text: "t" } }),
    ),
    allow("owner reads settings/program", (s) => owner(s).doc("settings/program").get()),
    deny("owner edits settings/program from the client (callable only)", (s) =>
      owner(s).doc("settings/program").update({ name: "Changed" }),
    ),
    allow("owner reads an affiliate", (s) => owner(s).doc(`affiliates/${uid.A}`).get()),
    deny("owner approves an affiliate from the client (callable only)", (s) =>
      owner(s).doc(`affiliates/${uid.P}`).update({ status: "active" }),
    ),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("paths no rule names", () => {
  it.each<Case>([
    allow("A reads own affiliate document", (s) => aliceProfile(s).get()),
    deny("A reads a subcollection of own affiliate document", (s) => A(s).doc(`affiliates/${uid.A}/private/x`).get()),
    deny("A writes a subcollection of own affiliate document", (s) =>
      A(s).doc(`affiliates/${uid.A}/notes/x`).set({ text: "hi" }),
    ),
    deny("owner reads a subcollection of an affiliate document", (s) =>
      owner(s).doc(`affiliates/${uid.A}/private/x`).get(),
    ),
    deny("A reads a subcollection of own commission", (s) =>
      A(s).doc(`commissions/${keyedSpecs.commissions.docId(uid.A)}/items/x`).get(),
    ),
    deny("A reads settings/other (only settings/program and settings/owner are named)", (s) => A(s).doc("settings/other").get()),
    deny("owner lists settings", (s) => owner(s).collection("settings").limit(10).get()),
    deny("A reads a commission that does not exist", (s) => A(s).doc("commissions/paddle_rules-missing").get()),
    allow("owner reads a commission that does not exist", (s) => owner(s).doc("commissions/paddle_rules-missing").get()),
  ])("$name -> $expect", async ({ expect, run }) => {
    await expectRule(expect, run(suite));
  });
});

describe("status is read on every request (E-09)", () => {
  const carol = "rules-carol";
  const commission = `commissions/${keyedSpecs.commissions.docId(carol)}`;
  it.each(["disabled", "pending", "rejected"])("active -> %s: reads stop without a new token", async (status) => {
    await suite.serverSet(`affiliates/${carol}`, affiliateDoc(carol, "active"));
    await suite.serverSet(commission, keyedSpecs.commissions.data(carol));
    const db = suite.as(carol, { email: "carol@example.com", email_verified: true });
    await expectRule("allow", db.doc(commission).get());
    await expectRule("allow", db.doc("settings/program").get());
    await suite.serverSet(`affiliates/${carol}`, affiliateDoc(carol, status));
    await expectRule("deny", db.doc(commission).get());
    await expectRule("deny", db.doc(`affiliates/${carol}`).get());
    await expectRule("deny", db.collection("commissions").where("affiliateId", "==", carol).limit(10).get());
    await expectRule("deny", db.doc("settings/program").get());
    await expectRule("deny", db.doc(`affiliates/${carol}`).update({ displayName: "Carol" }));
  });
});

// [owners] The claim counts only beside the server-kept owner record for the token's email.
describe("owner record (owners/{uid})", () => {
  const order = (db: Db) => db.doc(`orders/paddle_ord-${uid.A}`);
  const fred = { email: "fred@example.com", email_verified: true };
  it("the claim without a record reads nothing; the record for another email neither", async () => {
    const former = "rules-former-owner";
    const db = suite.as(former, { email: "former@example.com", email_verified: true, owner: true });
    await expectRule("deny", order(db).get());
    await expectRule("deny", db.doc("settings/program").get());
    await suite.serverSet(`owners/${former}`, { email: "someone-else@example.com" });
    await expectRule("deny", order(db).get());
    await suite.serverSet(`owners/${former}`, { email: "former@example.com" });
    await expectRule("allow", order(db).get());
  });

  it("a record with a claim that is not exactly true reads nothing", async () => {
    await suite.serverSet(`owners/${uid.FakeOwner}`, { email: fred.email });
    await expectRule("deny", order(suite.db("FakeOwner")).get());
    await expectRule("allow", order(suite.as(uid.FakeOwner, { ...fred, owner: true })).get());
  });

  it("removing the record ends the owner's reads at the next request, with the same token", async () => {
    const gone = "rules-removed-owner";
    const db = suite.as(gone, { email: "removed@example.com", email_verified: true, owner: true });
    await suite.serverSet(`owners/${gone}`, { email: "removed@example.com" });
    await expectRule("allow", order(db).get());
    await expectRule("allow", db.collection("affiliates").limit(5).get());
    await suite.env.withSecurityRulesDisabled((ctx) => ctx.firestore().doc(`owners/${gone}`).delete());
    await expectRule("deny", order(db).get());
    await expectRule("deny", db.collection("affiliates").limit(5).get());
    await expectRule("deny", db.doc("settings/program").get());
  });
});
