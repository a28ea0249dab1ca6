import type { DocumentData } from "firebase-admin/firestore";
import type { Application } from "../../../contracts/callables/index.js";
import { applicationIdOf } from "../affiliates/application-id.js";
import type { Actor } from "../domain/actor.js";
import { DomainError } from "../domain/errors.js";
import { newAffiliate, OWNER_FIELDS_GONE, writeOwnerNote } from "./affiliates.js";
import { auditIn } from "./audit.js";
import { ensureAuthUser } from "./auth-users.js";
import { affiliates } from "./collections.js";
import { db, FieldValue, isAlreadyExists } from "./firestore.js";

// `applications/{id}`: what the public form sent, kept apart from Auth users and affiliates until
// the owner approves it, so a flood of applications creates no accounts and no affiliates.

const applications = () => db().collection("applications");

/**
 * Stores an application unless one for this address is already waiting, which is left as it is:
 * one create either way, so a repeat takes as long as a first application.
 */
export async function submitApplication(application: Application): Promise<void> {
  const { name, email, website, promotion } = application;
  try {
    await applications().doc(applicationIdOf(email)).create({ name, email, website, promotion, createdAt: FieldValue.serverTimestamp() });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

function readApplication(data: DocumentData | undefined): Application | null {
  if (data === undefined) return null;
  const text = (key: string): string => (typeof data[key] === "string" ? data[key] : "");
  const email = text("email");
  return email === "" ? null : { name: text("name") || email, email, website: text("website"), promotion: text("promotion") };
}

/**
 * Approval makes the applicant an affiliate: their Auth user (so they can sign in) and an active
 * `affiliates/{uid}` with what they wrote; the affiliate trigger sends the welcome email. An address
 * that already has an affiliate keeps its document and terms and is made active.
 */
export async function approveApplication(applicationId: string, note: string, owner: Actor): Promise<{ affiliateId: string; created: boolean }> {
  const ref = applications().doc(applicationId);
  const application = readApplication((await ref.get()).data());
  if (application === null) throw new DomainError("not-found", "No such application: it was approved or deleted already.");
  const uid = await ensureAuthUser(application.email, application.name);
  const affiliateRef = affiliates().doc(uid);
  return db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw new DomainError("not-found", "No such application: it was approved or deleted already.");
    const current = (await tx.get(affiliateRef)).data() ?? null;
    if (current === null) tx.create(affiliateRef.withConverter(null), newAffiliate({ ...application, status: "active" }));
    else if (current.status !== "active") tx.update(affiliateRef, { status: "active", ...OWNER_FIELDS_GONE });
    writeOwnerNote(tx, uid, note, owner);
    tx.delete(ref);
    auditIn(tx, { action: "application.approve", by: owner, target: { collection: "affiliates", id: uid }, before: current ? { status: current.status } : null, after: { status: "active", email: application.email, note } });
    return { affiliateId: uid, created: current === null };
  });
}

/** Deletes applications (spam) in one transaction with one audit entry; returns how many existed. */
export async function deleteApplications(ids: readonly string[], owner: Actor): Promise<number> {
  const refs = [...new Set(ids)].map((id) => applications().doc(id));
  return db().runTransaction(async (tx) => {
    const existing = (await tx.getAll(...refs)).filter((snap) => snap.exists);
    if (existing.length === 0) return 0;
    for (const snap of existing) tx.delete(snap.ref);
    const target = existing.length === 1 ? (existing[0]?.id ?? "") : `${existing.length} applications`;
    auditIn(tx, { action: "application.delete", by: owner, target: { collection: "applications", id: target }, before: { emails: existing.map((s) => readApplication(s.data())?.email ?? "") }, after: null });
    return existing.length;
  });
}
