import { randomBytes } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { adminApp } from "../../scripts/seed/seed";

// Suites share one set of emulators (and, during development, the demo data `npm start` seeded), so
// they never clear the database: each test makes its own ids with `uniqueId` and reads only those.

export const HOSTING = process.env.HOSTING_URL ?? "http://127.0.0.1:5000";

export function db(): Firestore {
  return getFirestore(adminApp());
}

export function auth() {
  return getAuth(adminApp());
}

export function uniqueId(prefix: string): string {
  return `${prefix}${randomBytes(6).toString("hex")}`;
}

/** Polls until `read` returns something other than undefined: triggers run after the webhook answers. */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An active affiliate of the test's own, with an Auth user whose uid is the affiliate id. */
export async function createAffiliate(
  overrides: Partial<{ status: string; email: string; name: string; rateBps: number | null; discountCode: string | null }> = {},
): Promise<{ id: string; email: string; name: string }> {
  const id = uniqueId("aff_t");
  const email = overrides.email ?? `${id.toLowerCase()}@test.example`;
  const name = overrides.name ?? `Tester ${id.slice(-4)}`;
  await auth().createUser({ uid: id, email, emailVerified: true });
  await db().doc(`affiliates/${id}`).set({
    email,
    name,
    displayName: name,
    payoutEmail: email,
    status: overrides.status ?? "active",
    rateBps: overrides.rateBps ?? null,
    slug: null,
    cookieDays: null,
    discountCode: overrides.discountCode ?? null,
    createdAt: new Date(),
  });
  return { id, email, name };
}
