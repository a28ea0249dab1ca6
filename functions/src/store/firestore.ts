import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

// The one place the functions initialise the Admin SDK. On the emulators it finds them through
// FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST, which firebase-tools sets.
export function db(): Firestore {
  // The emulator's runtime may register apps of its own, so look for the default one by name.
  if (!getApps().some((app) => app.name === "[DEFAULT]")) initializeApp();
  return getFirestore();
}

export { FieldValue, Timestamp } from "firebase-admin/firestore";
export type { DocumentReference, DocumentSnapshot, Transaction } from "firebase-admin/firestore";
