import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type DocumentReference, type DocumentSnapshot, type Firestore, type Transaction } from "firebase-admin/firestore";

// The one place the functions initialise the Admin SDK. On the emulators it finds them through
// FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST, which firebase-tools sets.
export function db(): Firestore {
  // The emulator's runtime may register apps of its own, so look for the default one by name.
  if (!getApps().some((app) => app.name === "[DEFAULT]")) initializeApp();
  return getFirestore();
}

export { AggregateField, FieldValue, Timestamp } from "firebase-admin/firestore";
export type { DocumentReference, DocumentSnapshot, Transaction } from "firebase-admin/firestore";

/** How a lookup reads a document: on its own, or inside the caller's transaction (readIn). */
export type Read = <T>(ref: DocumentReference<T>) => Promise<DocumentSnapshot<T>>;

export const readAlone: Read = (ref) => ref.get();

export const readIn =
  (tx: Transaction): Read =>
  (ref) =>
    tx.get(ref);

/** A create() that found the document already there (gRPC ALREADY_EXISTS): the idempotency check. */
export function isAlreadyExists(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === 6;
}
