import type { AffiliateStatus, StatusAction } from "../../../contracts/affiliates.js";
import type { RecurringPolicy } from "../../../contracts/recurring-policy.js";
import { str } from "../../../contracts/read-fields.js";
import { isDocumentId } from "../../../contracts/ids.js";
import type { AffiliateRecord } from "../affiliates/record.js";
import { nextStatus } from "../affiliates/status.js";
import type { Actor } from "../domain/actor.js";
import { DomainError } from "../domain/errors.js";
import { auditIn } from "./audit.js";
import { ensureAuthUser } from "./auth-users.js";
import { affiliates, slugs } from "./collections.js";
import { prepareDiscountClaims } from "./discount-codes.js";
import { db, FieldValue, readAlone, type Read, type Transaction } from "./firestore.js";

// The owner's note and review on an affiliate live in `affiliateNotes/{affiliateId}`, which only the
// owner reads: the affiliate reads their own `affiliates/{id}`. Documents written before that split
// lose the fields the next time the owner changes them.
export const OWNER_FIELDS_GONE = { note: FieldValue.delete(), reviewedAt: FieldValue.delete(), reviewedBy: FieldValue.delete() };

const ownerNoteRef = (affiliateId: string) => db().collection("affiliateNotes").doc(affiliateId);

/** The owner's note on an affiliate, in the owner-only `affiliateNotes/{id}` (never on what the affiliate reads). */
export function writeOwnerNote(tx: Transaction, affiliateId: string, note: string, owner: Actor): void {
  tx.set(ownerNoteRef(affiliateId), { note, updatedAt: FieldValue.serverTimestamp(), updatedBy: owner.uid }, { merge: true });
}

export async function readAffiliate(affiliateId: string): Promise<AffiliateRecord | null> {
  return (await affiliates().doc(affiliateId).get()).data() ?? null;
}

/**
 * The affiliate a link, beacon or sale names, by id or by readable slug (`slugs/{slug}`). Ids are
 * case-sensitive; slugs are stored lower case, so a slug typed in any case finds its affiliate.
 * Callers pass references of the affiliate id shape already; one that could not name a document
 * (Firestore would throw on it) names nobody.
 */
export async function findAffiliate(ref: string, read: Read = readAlone): Promise<AffiliateRecord | null> {
  if (!isDocumentId(ref)) return null;
  const direct = await read(affiliates().doc(ref));
  if (direct.exists) return direct.data() ?? null;
  const target = (await read(slugs().doc(ref.toLowerCase()))).data()?.affiliateId ?? null;
  if (target === null) return null;
  return (await read(affiliates().doc(target))).data() ?? null;
}

/** A new `affiliates/{uid}` document with the program's defaults for every term. */
export function newAffiliate(fields: { email: string; name: string; status: AffiliateStatus; website: string; promotion: string }) {
  return {
    ...fields,
    displayName: fields.name,
    payoutEmail: fields.email,
    rateBps: null,
    recurringPolicy: null,
    cookieDays: null,
    discountCode: null,
    discountIds: {},
    codeOnlyApproval: false,
    courseRates: {},
    slug: null,
    createdAt: FieldValue.serverTimestamp(),
  };
}

export interface Invitation {
  email: string;
  name: string;
  note: string;
}

/** The owner adds an affiliate directly: active at once (the trigger sends the welcome email). */
export async function inviteAffiliate(invitation: Invitation, owner: Actor): Promise<{ affiliateId: string; created: boolean }> {
  const uid = await ensureAuthUser(invitation.email, invitation.name);
  const ref = affiliates().doc(uid);
  return db().runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data() ?? null;
    if (current?.status === "active") return { affiliateId: uid, created: false };
    const { note, ...person } = invitation;
    if (current) {
      tx.update(ref, { status: "active", ...OWNER_FIELDS_GONE });
    } else {
      tx.create(ref.withConverter(null), newAffiliate({ ...person, status: "active", website: "", promotion: "" }));
    }
    writeOwnerNote(tx, uid, note, owner);
    const before = current ? { status: current.status } : null;
    auditIn(tx, { action: "inviteAffiliate", by: owner, target: { collection: "affiliates", id: uid }, before, after: { status: "active", email: invitation.email } });
    return { affiliateId: uid, created: current === null };
  });
}

/** Approve, reject, disable or re-enable, with the owner's note; refused from a status it does not apply to. */
export async function changeAffiliateStatus(affiliateId: string, action: StatusAction, note: string, owner: Actor): Promise<AffiliateStatus> {
  const ref = affiliates().doc(affiliateId);
  return db().runTransaction(async (tx) => {
    const affiliate = (await tx.get(ref)).data();
    if (!affiliate) throw new DomainError("not-found", "No such affiliate.");
    const current = affiliate.status;
    const next = current === null ? null : nextStatus(current, action);
    if (next === null) throw new DomainError("failed-precondition", `Cannot ${action} an affiliate whose status is ${current ?? "unknown"}.`);
    tx.update(ref, { status: next, ...OWNER_FIELDS_GONE });
    writeOwnerNote(tx, affiliateId, note, owner);
    auditIn(tx, { action: `affiliate.${action}`, by: owner, target: { collection: "affiliates", id: affiliateId }, before: { status: current }, after: { status: next, note } });
    return next;
  });
}

export interface AffiliateTerms {
  rateBps: number | null;
  cookieDays: number | null;
  discountCode: string | null;
  /** The platforms' ids for the code; null: none. */
  discountIds: { paddle: string | null };
  codeOnlyApproval: boolean;
  courseRates: Record<string, number>;
  /** Checked and lower-cased by the callable's input; null keeps links on the uid. */
  slug: string | null;
  note: string;
  /** Applies to subscriptions credited from now on: each keeps the policy it was credited under. */
  recurringPolicy: RecurringPolicy | null;
}

/**
 * Terms apply to future sales only: orders keep the rate they were credited with. A new slug is
 * claimed create-if-absent in the same transaction; an old one stays pointing at the affiliate so
 * links already shared keep working and nobody else can take them over. A discount code (and its
 * platform ids) is claimed the same way but released when it changes: sales are credited when
 * first seen, so a code given up can go to someone else from then on.
 */
export async function updateAffiliateTerms(affiliateId: string, terms: AffiliateTerms, owner: Actor): Promise<void> {
  const ref = affiliates().doc(affiliateId);
  await db().runTransaction(async (tx) => {
    const affiliate = (await tx.get(ref)).data();
    if (!affiliate) throw new DomainError("not-found", "No such affiliate.");
    const previousNote = str((await tx.get(ownerNoteRef(affiliateId))).get("note"));
    const slugRef = terms.slug ? slugs().doc(terms.slug) : null;
    const slugSnap = slugRef ? await tx.get(slugRef) : null;
    // A slug equal to another affiliate's uid would be shadowed by that affiliate when resolving.
    const uidClash = terms.slug ? await tx.get(affiliates().doc(terms.slug)) : null;
    const taken = (slugSnap?.exists && slugSnap.data()?.affiliateId !== affiliateId) || (uidClash?.exists && uidClash.id !== affiliateId);
    if (taken) throw new DomainError("conflict", "This slug is taken.");
    const discountIds = terms.discountIds.paddle === null ? {} : { paddle: terms.discountIds.paddle };
    const moveClaims = await prepareDiscountClaims(tx, affiliateId, affiliate, { discountCode: terms.discountCode, discountIds });
    if (slugRef && !slugSnap?.exists) tx.create(slugRef.withConverter(null), { affiliateId, createdAt: FieldValue.serverTimestamp() });
    moveClaims();
    const { rateBps, cookieDays, discountCode, codeOnlyApproval, courseRates, slug, recurringPolicy } = affiliate;
    const { note, ...affiliateTerms } = terms;
    tx.update(ref, { ...affiliateTerms, discountIds, ...OWNER_FIELDS_GONE, updatedAt: FieldValue.serverTimestamp() });
    writeOwnerNote(tx, affiliateId, note, owner);
    const before = { rateBps, cookieDays, discountCode, discountIds: affiliate.discountIds, codeOnlyApproval, courseRates, slug, recurringPolicy, note: previousNote };
    auditIn(tx, { action: "updateAffiliate", by: owner, target: { collection: "affiliates", id: affiliateId }, before, after: { ...terms, discountIds } });
  });
}
