// POST /c (the t.js beacon) through Hosting against the shared emulators.
import type { Timestamp } from "firebase-admin/firestore";
import { beforeAll, describe, expect, test } from "vitest";
import { clickTotals, DESKTOP_UA, fakeVisitors, postBeacon, recordedClicks, settledTotals, visitorHeaders } from "../../../scripts/lib/clicks";
import { createAffiliate, db, HOSTING } from "../../support/emulator";

beforeAll(async () => {
  // A fresh function instance spends its first second connecting to Firestore; keep that out of the timings.
  const [visitor] = fakeVisitors(1);
  if (visitor) await (await postBeacon(visitor, "warm_up_unknown")).arrayBuffer();
});

describe("POST /c", () => {
  test("answers 204 quickly, uncacheable, open to any origin, without cookies", async () => {
    const { id } = await createAffiliate();
    const [visitor] = fakeVisitors(1);
    if (!visitor) throw new Error("no visitor");
    const started = Date.now();
    const res = await fetch(`${HOSTING}/c`, {
      method: "POST",
      body: new URLSearchParams({ a: id, u: `${HOSTING}/sample/course.html`, c: "typescript" }),
      headers: { ...visitorHeaders(visitor), origin: "https://course.example" },
    });
    expect(res.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await settledTotals(db(), id, 1)).toMatchObject({ clicks: 1, uniques: 1 });
    const [visit] = (await db().collection("visits").where("affiliateId", "==", id).get()).docs;
    // The IP is kept only truncated, the visitor only as a salted hash; the document expires in 90 days.
    expect(visit?.data()).toMatchObject({
      affiliateId: id,
      courseId: "typescript",
      page: `${HOSTING}/sample/course.html`,
      ipPrefix: visitor.ip.replace(/\.\d+$/, ".0"),
      ua: "desktop",
      beacon: 1,
      redirect: 0,
      clicks: 1,
    });
    expect(JSON.stringify(visit?.data())).not.toContain(visitor.ip);
    expect(visit?.get("visitor")).toMatch(/^[0-9a-f]{32}$/);
    expect(visit?.id).toBe(`${id}_${visit?.get("day") as string}_${visit?.get("visitor") as string}`);
    const expireAt = visit?.get("expireAt") as Timestamp | undefined;
    const firstAt = visit?.get("firstAt") as Timestamp | undefined;
    expect(((expireAt?.toMillis() ?? 0) - (firstAt?.toMillis() ?? 0)) / 86_400_000).toBe(90);
  });

  test("a CORS preflight is answered for any origin", async () => {
    const res = await fetch(`${HOSTING}/c`, {
      method: "OPTIONS",
      headers: { origin: "https://course.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.status).toBe(204);
    // The Functions emulator answers preflights itself, reflecting the origin; deployed, the function sends "*".
    expect(["*", "https://course.example"]).toContain(res.headers.get("access-control-allow-origin"));
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  test("the same visitor twice is 2 clicks and 1 unique; another visitor adds a unique", async () => {
    const { id } = await createAffiliate();
    const [alice, bob] = fakeVisitors(2);
    if (!alice || !bob) throw new Error("no visitors");
    for (const visitor of [alice, alice, bob]) expect((await postBeacon(visitor, id)).status).toBe(204);
    expect(await settledTotals(db(), id, 3)).toMatchObject({ clicks: 3, uniques: 2 });
  });

  test("a slug in the URL counts for the affiliate it names", async () => {
    const { id } = await createAffiliate();
    const slug = `s${id.slice(-10).toLowerCase()}`;
    await db().doc(`slugs/${slug}`).set({ affiliateId: id });
    const [visitor] = fakeVisitors(1);
    if (!visitor) throw new Error("no visitor");
    expect((await postBeacon(visitor, slug)).status).toBe(204);
    expect(await settledTotals(db(), id, 1)).toMatchObject({ clicks: 1, uniques: 1 });
    await db().doc(`slugs/${slug}`).delete();
  });

  test("bots, previewers and prefetches are answered but not counted", async () => {
    const { id } = await createAffiliate();
    const [visitor, human] = fakeVisitors(2);
    if (!visitor || !human) throw new Error("no visitors");
    const body = () => new URLSearchParams({ a: id });
    const agents = [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "curl/8.5.0",
    ];
    for (const ua of agents) {
      const res = await fetch(`${HOSTING}/c`, { method: "POST", body: body(), headers: { ...visitorHeaders(visitor), "user-agent": ua } });
      expect(res.status).toBe(204);
    }
    const prefetch = await fetch(`${HOSTING}/c`, {
      method: "POST",
      body: body(),
      headers: { ...visitorHeaders(visitor), "sec-purpose": "prefetch" },
    });
    expect(prefetch.status).toBe(204);
    // A human click afterwards: once it is counted, the totals must hold it alone.
    expect((await postBeacon(human, id)).status).toBe(204);
    expect(await settledTotals(db(), id, 1)).toMatchObject({ clicks: 1, uniques: 1 });
    expect(await recordedClicks(db(), id)).toBe(1);
  });

  test("unknown, pending and disabled affiliates are not counted", async () => {
    const pending = await createAffiliate({ status: "pending" });
    const disabled = await createAffiliate({ status: "disabled" });
    const [visitor] = fakeVisitors(1);
    if (!visitor) throw new Error("no visitor");
    for (const ref of ["aff_tnotreal0000", pending.id, disabled.id]) expect((await postBeacon(visitor, ref)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 1_500));
    for (const ref of ["aff_tnotreal0000", pending.id, disabled.id]) {
      expect(await recordedClicks(db(), ref)).toBe(0);
      expect(await clickTotals(db(), ref)).toEqual({ clicks: 0, uniques: 0 });
    }
  });

  test("malformed beacons are refused without counting", async () => {
    const { id } = await createAffiliate();
    for (const body of ["", "a=%3Cscript%3E", `a=${id}&u=javascript%3Aalert(1)`, "x".repeat(4096)]) {
      const res = await fetch(`${HOSTING}/c`, { method: "POST", body, headers: { "user-agent": DESKTOP_UA, "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status).toBe(400);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    expect((await fetch(`${HOSTING}/c`, { headers: { "user-agent": DESKTOP_UA } })).status).toBe(405);
    expect(await recordedClicks(db(), id)).toBe(0);
  });

  test("one IP gets at most 30 counted clicks a minute, whatever its user agents", async () => {
    await startEarlyInAMinute();
    const { id } = await createAffiliate();
    const [visitor] = fakeVisitors(1);
    if (!visitor) throw new Error("no visitor");
    for (let i = 0; i < 40; i++) {
      const res = await postBeacon({ ip: visitor.ip, userAgent: `${DESKTOP_UA} r${i}` }, id);
      expect(res.status).toBe(204);
    }
    const totals = await settledTotals(db(), id, 30, { quietMs: 2_000 });
    expect(totals.clicks).toBe(30);
    expect(await recordedClicks(db(), id)).toBe(30);
  });
});

// The client addresses these requests carry are explained in scripts/lib/clicks.ts: the emulators
// append nothing to X-Forwarded-For, so each request carries the two entries Hosting's CDN and
// Google's front end append in production, and the forgeries are what a client writes before them.
describe("forged client addresses", () => {
  test("40 beacons from one machine, each with another forged X-Forwarded-For and Fastly-Client-IP, are one visitor held to its cap", async () => {
    await startEarlyInAMinute();
    const { id } = await createAffiliate();
    const [machine] = fakeVisitors(1);
    if (!machine) throw new Error("no visitor");
    // A /24 of its own per forgery (198.18.0.0/15 is for benchmarks), so none can share the real one's prefix.
    const forged = Array.from({ length: 40 }, (_, i) => `198.18.${i}.7`);
    for (const [i, fake] of forged.entries()) {
      const headers = { ...visitorHeaders(machine, [`203.0.113.${i}`, fake]), "fastly-client-ip": fake, forwarded: `for=${fake}`, "x-real-ip": fake };
      expect((await postBeacon(machine, id, "", { headers })).status).toBe(204);
    }
    expect(await settledTotals(db(), id, 30, { quietMs: 2_000 })).toMatchObject({ clicks: 30, uniques: 1 });
    expect(await recordedClicks(db(), id)).toBe(30);
    // Nothing a client wrote reached the stored records.
    const stored = JSON.stringify((await db().collection("visits").where("affiliateId", "==", id).get()).docs.map((d) => d.data()));
    for (const fake of forged) expect(stored).not.toContain(fake.replace(/\.\d+$/, ".0"));
    expect(stored).toContain(machine.ip.replace(/\.\d+$/, ".0"));
  });

  test("two machines sending the same forged addresses are two visitors", async () => {
    const { id } = await createAffiliate();
    const machines = fakeVisitors(2);
    for (const machine of machines) {
      const headers = { ...visitorHeaders(machine, ["198.51.100.77"]), "fastly-client-ip": "198.51.100.77" };
      expect((await postBeacon(machine, id, "", { headers })).status).toBe(204);
    }
    expect(await settledTotals(db(), id, 2)).toMatchObject({ clicks: 2, uniques: 2 });
  });
});

/** The per-minute caps use fixed windows: start early in one so a whole run stays inside it. */
async function startEarlyInAMinute(needMs = 25_000): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - needMs) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
}

