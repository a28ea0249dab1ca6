// The Firebase app and Auth: the only module that imports firebase/app and firebase/auth. Firestore
// lives in firestore*.ts and the callables in firebase-callables.ts, each loaded by the pages that need it.
import { initializeApp, type FirebaseApp } from "firebase/app";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  isSignInWithEmailLink,
  onAuthStateChanged,
  signInWithEmailLink,
  signOut,
} from "firebase/auth";
import { env } from "../config/env";
import { resolveEmulatorHost } from "../config/parse-env";

/** Ports fixed by firebase.json. */
export const EMULATOR_PORTS = { auth: 9099, firestore: 8080, functions: 5001 } as const;

export const app: FirebaseApp = initializeApp({
  apiKey: env.firebase.apiKey,
  authDomain: env.firebase.authDomain,
  projectId: env.firebase.projectId,
  appId: env.firebase.appId,
});

/** Where the emulators are, or null when talking to the real project. */
export const emulatorHost: string | null = env.useEmulators ? resolveEmulatorHost(env.emulatorHost, location.hostname) : null;

// initializeAuth instead of getAuth: without a popup/redirect resolver the sign-in bundle drops
// the OAuth popup code this portal never uses (email links only).
const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
if (emulatorHost !== null) connectAuthEmulator(auth, `http://${emulatorHost}:${EMULATOR_PORTS.auth}`, { disableWarnings: true });

/** What the app needs to know about the signed-in person; the SDK's User stays in here. */
export interface AuthUser {
  uid: string;
  email: string | null;
  emailVerified: boolean;
}

export function watchAuth(listener: (user: AuthUser | null) => void): () => void {
  return onAuthStateChanged(auth, (user) => {
    listener(user === null ? null : { uid: user.uid, email: user.email, emailVerified: user.emailVerified });
  });
}

export function isSignInLink(href: string): boolean {
  return isSignInWithEmailLink(auth, href);
}

export async function completeSignIn(email: string, href: string): Promise<void> {
  await signInWithEmailLink(auth, email, href);
}

export async function signOutUser(): Promise<void> {
  await signOut(auth);
}

/** Picks up custom claims the server has just changed (e.g. after approval). */
export async function refreshIdToken(): Promise<void> {
  await auth.currentUser?.getIdToken(true);
}

export async function hasOwnerClaim(): Promise<boolean> {
  const user = auth.currentUser;
  if (user === null) return false;
  const { claims } = await user.getIdTokenResult();
  return claims["owner"] === true;
}
