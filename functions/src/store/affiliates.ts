import { getAuth } from "firebase-admin/auth";
import { HttpsError } from "firebase-functions/https";
import type { AffiliateStatus, StatusAction } from "../../../contracts/affiliates.js";
import type { Application } from "../../../contracts/callables/index.js";
import { nextStatus } from "../affiliates/status.js";
import type { Owner } from "../owner/access.js";
import { auditIn } from "./audit.js";
import { db, FieldValue } from "./firestore.js";

const affiliates = () => db().collection("affiliates");

/** The Auth user of an email, created (unverified, no password) when missing: its uid is the affiliate id. */
export async function ensureAuthUser(email: string, name: string | null): Promise<string> {
  db(); // initialises the Admin SDK's default app
  const auth = getAuth();
  try {
    return (await auth.getUserByEmail(email)).uid;
  } catch (err) {
    if (codeOf(err) !== "auth/user-not-found") throw err;
  }
  try {
    return (await auth.createUser({ email, ...(name ? { displayName: name } : {}) })).uid;
  } catch (err) {
    // Two requests for one email at once: the other one created it.
    if (codeOf(err) === "auth/email-already-exists") return (await auth.getUserByEmail(email)).uid;
    throw err;
  }
}

function newAffiliate(fields: { email: string; name: string; status: AffiliateStatus; website: string; promotion: string; note: string }) {
  return {
    ...fields,
    displayName: fields.name,
    payoutEmail: fields.email,
    rateBps: null,
    cookieDays: null,
    discountCode: null,
    slug: null,
    createdAt: FieldValue.serverTimestamp(),
  };
}

/**
 * A public application. An email that already has an affiliate document (pending, active, rejected
 * or disabled) changes nothing, which is the rate limit: at most one application per email.
 */
export async function submitApplication(application: Application): Promise<void> {
  const uid = await ensureAuthUser(application.email, application.name);
  const ref = affiliates().doc(uid);
  await db().runTransaction(async (tx) => {
    if ((await tx.get(ref)).exists) return;
    tx.create(ref, newAffiliate({ ...application, status: "pending", note: "" }));
  });
}

export interface Invitation {
  email: string;
  name: string;
  note: string;
}

/** The owner adds an affiliate directly: active at once (the trigger sends the welcome email). */
export async function inviteAffiliate(invitation: Invitation, owner: Owner): Promise<{ affiliateId: string; created: boolean }> {
  const uid = await ensureAuthUser(invitation.email, invitation.name);
  const ref = affiliates().doc(uid);
  return db().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const before = snap.exists ? { status: snap.get("status") as unknown } : null;
    if (snap.exists && snap.get("status") === "active") return { affiliateId: uid, created: false };
    if (snap.exists) {
      tx.update(ref, { status: "active", note: invitation.note, reviewedAt: FieldValue.serverTimestamp(), reviewedBy: owner.uid });
    } else {
      tx.create(ref, newAffiliate({ ...invitation, status: "active", website: "", promotion: "" }));
    }
    auditIn(tx, { action: "inviteAffiliate", by: owner, target: { collection: "affiliates", id: uid }, before, after: { status: "active", email: invitation.email } });
    return { affiliateId: uid, created: !snap.exists };
  });
}

/** Approve, reject, disable or re-enable, with the owner's note; refused from a status it does not apply to. */
export async function changeAffiliateStatus(affiliateId: string, action: StatusAction, note: string, owner: Owner): Promise<AffiliateStatus> {
  const ref = affiliates().doc(affiliateId);
  return db().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError("not-found", "No such affiliate.");
    const current = snap.get("status") as AffiliateStatus;
    const next = nextStatus(current, action);
    if (next === null) throw new HttpsError("failed-precondition", `Cannot ${action} an affiliate whose status is ${current}.`);
    tx.update(ref, { status: next, note, reviewedAt: FieldValue.serverTimestamp(), reviewedBy: owner.uid });
    auditIn(tx, { action: `affiliate.${action}`, by: owner, target: { collection: "affiliates", id: affiliateId }, before: { status: current }, after: { status: next, note } });
    return next;
  });
}

export interface AffiliateTerms {
  rateBps: number | null;
  cookieDays: number | null;
  discountCode: string | null;
  /** Checked and lower-cased by the callable's input; null keeps links on the uid. */
  slug: string | null;
  note: string;
}

/**
 * Terms apply to future sales only: orders keep the rate they were credited with. A new slug is
 * claimed create-if-absent in the same transaction; an old one stays pointing at the affiliate so
 * links already shared keep working and nobody else can take them over.
 */
export async function updateAffiliateTerms(affiliateId: string, terms: AffiliateTerms, owner: Owner): Promise<void> {
  const ref = affiliates().doc(affiliateId);
  await db().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError("not-found", "No such affiliate.");
    const slugRef = terms.slug ? db().collection("slugs").doc(terms.slug) : null;
    const slugSnap = slugRef ? await tx.get(slugRef) : null;
    // A slug equal to another affiliate's uid would be shadowed by that affiliate when resolving.
    const uidClash = terms.slug ? await tx.get(affiliates().doc(terms.slug)) : null;
    if (slugSnap?.exists && slugSnap.get("affiliateId") !== affiliateId) throw new HttpsError("already-exists", "This slug is taken.");
    if (uidClash?.exists && uidClash.id !== affiliateId) throw new HttpsError("already-exists", "This slug is taken.");
    if (slugRef && !slugSnap?.exists) tx.create(slugRef, { affiliateId, createdAt: FieldValue.serverTimestamp() });
    const field = (name: string): unknown => (snap.get(name) as unknown) ?? null;
    const before = { rateBps: field("rateBps"), cookieDays: field("cookieDays"), discountCode: field("discountCode"), slug: field("slug"), note: field("note") };
    tx.update(ref, { ...terms, updatedAt: FieldValue.serverTimestamp() });
    auditIn(tx, { action: "updateAffiliate", by: owner, target: { collection: "affiliates", id: affiliateId }, before, after: terms });
  });
}

function codeOf(err: unknown): string | null {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string" ? (err as { code: string }).code : null;
}
