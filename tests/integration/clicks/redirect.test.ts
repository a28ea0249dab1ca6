// GET /r/{affiliate}/{course} through Hosting against the shared emulators.
import { beforeAll, describe, expect, test } from "vitest";
import { clickTotals, fakeVisitors, getRedirect, postBeacon, recordedClicks, settledTotals, visitorHeaders, type FakeVisitor } from "../../../scripts/lib/clicks";
import { createAffiliate, db, HOSTING } from "../../support/emulator";

// The demo course seeded by `npm start` (scripts/seed) and the DEFAULT_REDIRECT_URL of functions/.env.local.
const COURSE_ID = "typescript";
const DEFAULT_PAGE = process.env.DEFAULT_REDIRECT_URL ?? "http://127.0.0.1:5000/";
let courseUrl: string;
let visitor: FakeVisitor;

beforeAll(async () => {
  const siteUrl: unknown = (await db().doc(`courses/${COURSE_ID}`).get()).get("siteUrl");
  if (typeof siteUrl !== "string") throw new Error(`courses/${COURSE_ID} is missing: seed the emulators (npm start)`);
  courseUrl = siteUrl;
  const [v] = fakeVisitors(1);
  if (!v) throw new Error("no visitor");
  visitor = v;
  // A fresh function instance spends its first second connecting to Firestore; keep that out of the tests.
  await (await getRedirect(visitor, `/r/warm_up_unknown/${COURSE_ID}`)).arrayBuffer();
});

function withId(url: string, affiliateId: string): string {
  const target = new URL(url);
  target.searchParams.set("affiliateId", affiliateId);
  return target.href;
}

describe("GET /r/", () => {
  test("lands on the course's configured page with ?affiliateId=, uncacheable, without cookies, and counts on the server", async () => {
    const { id } = await createAffiliate();
    const res = await getRedirect(visitor, `/r/${id}/${COURSE_ID}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(withId(courseUrl, id));
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await settledTotals(db(), id, 1)).toMatchObject({ clicks: 1, uniques: 1 });
    const [visit] = (await db().collection("visits").where("affiliateId", "==", id).get()).docs;
    expect(visit?.data()).toMatchObject({ redirect: 1, beacon: 0, clicks: 1, courseId: COURSE_ID, page: null });
  });

  test("an affiliate with a discount code lands with ?code= beside the id, for t.js to apply", async () => {
    const { id } = await createAffiliate({ discountCode: "FRIEND15" });
    const res = await getRedirect(visitor, `/r/${id}/${COURSE_ID}`);
    const target = new URL(withId(courseUrl, id));
    target.searchParams.set("code", "FRIEND15");
    expect(res.headers.get("location")).toBe(target.href);
  });

  test("a slug link lands with the real affiliate id", async () => {
    const { id } = await createAffiliate();
    const slug = `s${id.slice(-10).toLowerCase()}`;
    await db().doc(`slugs/${slug}`).set({ affiliateId: id });
    const res = await getRedirect(visitor, `/r/${slug}/${COURSE_ID}`);
    expect(res.headers.get("location")).toBe(withId(courseUrl, id));
    await db().doc(`slugs/${slug}`).delete();
  });

  test("an unknown course or no course lands on the default page, still with the id", async () => {
    const { id } = await createAffiliate();
    for (const path of [`/r/${id}/no-such-course`, `/r/${id}`, `/r/${id}/`]) {
      const res = await getRedirect(visitor, path);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(withId(DEFAULT_PAGE, id));
    }
  });

  test("an unknown, pending or disabled affiliate lands without an id and is not counted", async () => {
    const pending = await createAffiliate({ status: "pending" });
    const disabled = await createAffiliate({ status: "disabled" });
    for (const ref of ["aff_tnotreal0000", pending.id, disabled.id]) {
      const res = await getRedirect(visitor, `/r/${ref}/${COURSE_ID}`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(courseUrl);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    for (const ref of [pending.id, disabled.id]) expect(await recordedClicks(db(), ref)).toBe(0);
  });

  test.each([
    "/r/x/https:%2F%2Fevil.example",
    "/r/AFF/https:%2F%2Fevil.example",
    "/r/AFF/%2F%2Fevil.example",
    "/r/AFF//evil.example",
    "/r//evil.example",
    "/r/%2F%2Fevil.example",
    "/r/https:%2F%2Fevil.example/typescript",
    "/r/AFF/https%3A%2F%2Fevil.example",
    "/r/AFF/%252F%252Fevil.example",
    "/r/AFF/%5C%5Cevil.example",
    "/r/AFF/typescript?url=https://evil.example&next=//evil.example",
    "/r/AFF/typescript/https:%2F%2Fevil.example",
    "/r/AFF/evil.example%40typescript",
  ])("open-redirect attempt %s lands on our own pages", async (pathTemplate) => {
    const { id } = await createAffiliate();
    const res = await getRedirect(visitor, pathTemplate.replace("AFF", id));
    const location = res.headers.get("location");
    expect(res.status).toBe(302);
    expect(location).not.toBeNull();
    const target = new URL(location ?? "", HOSTING);
    expect(target.hostname).not.toContain("evil");
    expect([new URL(DEFAULT_PAGE).origin, new URL(courseUrl).origin]).toContain(target.origin);
    // Only a well-formed link to a configured course may carry more than the default page.
    if (!pathTemplate.startsWith("/r/AFF/typescript?")) expect(target.origin + target.pathname).toBe(new URL(DEFAULT_PAGE).href);
  });

  test("HEAD requests, link previewers and embeds are redirected but not counted", async () => {
    const { id } = await createAffiliate();
    const head = await getRedirect(visitor, `/r/${id}/${COURSE_ID}`, HOSTING, "HEAD");
    expect(head.status).toBe(302);
    const preview = await fetch(`${HOSTING}/r/${id}/${COURSE_ID}`, {
      redirect: "manual",
      headers: { ...visitorHeaders(visitor), "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" },
    });
    expect(preview.status).toBe(302);
    expect(preview.headers.get("location")).toBe(withId(courseUrl, id));
    // Another site embedding the link as an image (click stuffing) is not a visit either.
    const embedded = await fetch(`${HOSTING}/r/${id}/${COURSE_ID}`, {
      redirect: "manual",
      headers: { ...visitorHeaders(visitor), "sec-fetch-dest": "image" },
    });
    expect(embedded.status).toBe(302);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await recordedClicks(db(), id)).toBe(0);
    expect(await clickTotals(db(), id)).toEqual({ clicks: 0, uniques: 0 });
  });

  test("a /r/ visit and the beacon of the page it lands on are one click, in either order", async () => {
    const { id } = await createAffiliate();
    const [first, second] = fakeVisitors(2);
    if (!first || !second) throw new Error("no visitors");
    expect((await getRedirect(first, `/r/${id}/${COURSE_ID}`)).status).toBe(302);
    expect((await postBeacon(first, id, COURSE_ID)).status).toBe(204);
    expect((await postBeacon(second, id, COURSE_ID)).status).toBe(204);
    expect((await getRedirect(second, `/r/${id}/${COURSE_ID}`)).status).toBe(302);
    expect(await settledTotals(db(), id, 2, { quietMs: 2_000 })).toMatchObject({ clicks: 2, uniques: 2 });
    expect(await recordedClicks(db(), id)).toBe(4);
  });
});
