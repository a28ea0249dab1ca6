// The Firestore client and what every audience's reads share. Only lib/firestore*.ts import
// firebase/firestore: converters turn Timestamps into Dates and untrusted fields into typed values
// there, so components never see the SDK or raw documents. Each audience has its own module
// (firestore-affiliate, firestore-owner), so an affiliate's dashboard never downloads the owner's.
import {
  connectFirestoreEmulator,
  DocumentReference,
  initializeFirestore,
  memoryLocalCache,
  onSnapshot,
  Timestamp,
  type DocumentData,
  type FirestoreDataConverter,
  type Query,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
} from "firebase/firestore";
import { app, emulatorHost, EMULATOR_PORTS } from "./firebase";
import type { Fields } from "../../../contracts/read-fields";

// Memory cache: a shared computer must not keep an affiliate's earnings in IndexedDB.
export const db = initializeFirestore(app, { localCache: memoryLocalCache() });
if (emulatorHost !== null) connectFirestoreEmulator(db, emulatorHost, EMULATOR_PORTS.firestore);

export type Unsubscribe = () => void;
export type OnError = (error: unknown) => void;

// Firestore bills one read per document a listener delivers. Each delivery is marked through the
// standard User Timing API, which costs nothing and lets `npm run bench` count a page's reads.
function markReads(documents: number): void {
  if (documents > 0) performance.mark("firestore:read", { detail: documents });
}

/** A live query, delivered whole on every change. */
export function listenQuery<T>(ref: Query<T, DocumentData>, next: (snap: QuerySnapshot<T, DocumentData>) => void, onError: OnError): Unsubscribe {
  return onSnapshot(
    ref,
    (snap) => {
      markReads(snap.docChanges().length);
      next(snap);
    },
    onError,
  );
}

/** A live query's documents, in the query's order. */
export function listenList<T>(ref: Query<T, DocumentData>, next: (items: T[]) => void, onError: OnError): Unsubscribe {
  return listenQuery(ref, (snap) => next(snap.docs.map((d) => d.data())), onError);
}

/** A live document, or null while it does not exist. */
export function listenDoc<T>(ref: DocumentReference<T, DocumentData>, next: (item: T | null) => void, onError: OnError): Unsubscribe {
  return onSnapshot(
    ref,
    (snap) => {
      markReads(1);
      next(snap.data() ?? null);
    },
    onError,
  );
}

export function date(value: unknown): Date | null {
  return value instanceof Timestamp ? value.toDate() : null;
}

/** A converter for documents the portal only reads (writes go through callables or plain updates). */
export function readOnly<T>(read: (id: string, fields: Fields) => T): FirestoreDataConverter<T, DocumentData> {
  return {
    toFirestore(): DocumentData {
      throw new Error("The portal never writes these documents through a converter");
    },
    fromFirestore(snapshot: QueryDocumentSnapshot<DocumentData, DocumentData>): T {
      return read(snapshot.id, snapshot.data());
    },
  };
}

export const byName = <T extends { name: string }>(items: T[]): T[] => items.sort((a, b) => a.name.localeCompare(b.name));
