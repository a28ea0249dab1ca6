// The endpoints with Firestore hanging or failing: the visitor is answered within the budget anyway.
import { beforeEach, describe, expect, test, vi } from "vitest";

const store = vi.hoisted(() => ({
  findAffiliate: vi.fn<(ref: string) => Promise<{ id: string; status: string } | null>>(),
  createClick: vi.fn<(click: unknown, now: Date) => Promise<string>>(),
  loadCourses: vi.fn<() => Promise<{ id: string; siteUrl: string }[]>>(),
}));

vi.mock("../store/affiliates.js", () => ({ findAffiliate: store.findAffiliate }));
vi.mock("../store/clicks.js", () => ({ createClick: store.createClick }));
vi.mock("../store/courses.js", () => ({ loadCourses: store.loadCourses }));
vi.mock("../config/params.js", () => ({
  clickSalt: { value: () => "salt" },
  defaultRedirectUrl: { value: () => "https://school.example/" },
}));

type Endpoint = typeof import("./endpoint.js");
let click: Endpoint["click"];
let redirect: Endpoint["redirect"];
const FIRESTORE_BUDGET_MS = 800;

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const never = () => new Promise<never>(() => {});

interface Answer {
  status: number;
  headers: Record<string, string>;
  ms: number;
}

function call(handler: (req: never, res: never) => unknown, method: string, path: string, body = "", ip = "203.0.113.7"): Promise<Answer> {
  const headers: Record<string, string> = { "user-agent": CHROME, "x-forwarded-for": ip, "content-type": "application/x-www-form-urlencoded" };
  const req = {
    method,
    path,
    url: path,
    headers,
    rawBody: Buffer.from(body),
    socket: { remoteAddress: undefined },
    get: (name: string) => headers[name.toLowerCase()],
    header: (name: string) => headers[name.toLowerCase()],
  };
  const started = Date.now();
  return new Promise((resolve) => {
    const answer: Answer = { status: 200, headers: {}, ms: 0 };
    const res = {
      status(code: number) {
        answer.status = code;
        return res;
      },
      set(field: string, value: string) {
        answer.headers[field.toLowerCase()] = value;
        return res;
      },
      end() {
        answer.ms = Date.now() - started;
        resolve(answer);
      },
      on: () => res,
      getHeader: (field: string) => answer.headers[field.toLowerCase()],
      setHeader: (field: string, value: string) => res.set(field, value),
    };
    void handler(req as never, res as never);
  });
}

let ip = 0;
const nextIp = () => `198.51.100.${++ip}`;

beforeEach(async () => {
  // A fresh module per test: its caches and rate caps start empty.
  vi.resetModules();
  const endpoint = await import("./endpoint.js");
  expect(endpoint.FIRESTORE_BUDGET_MS).toBe(FIRESTORE_BUDGET_MS);
  ({ click, redirect } = endpoint);
  store.findAffiliate.mockReset();
  store.createClick.mockReset();
  store.loadCourses.mockReset();
});

describe("redirect when Firestore misbehaves", () => {
  test("all lookups hang: the visitor lands on the default page without an id, within the budget", async () => {
    store.findAffiliate.mockImplementation(never);
    store.loadCourses.mockImplementation(never);
    const answer = await call(redirect, "GET", "/r/hang01/typescript", "", nextIp());
    expect(answer.status).toBe(302);
    expect(answer.headers["location"]).toBe("https://school.example/");
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.ms).toBeGreaterThanOrEqual(FIRESTORE_BUDGET_MS - 20);
    expect(answer.ms).toBeLessThan(FIRESTORE_BUDGET_MS + 300);
  });

  test("lookups fail: default page at once; the click write hanging does not delay the answer either", async () => {
    store.findAffiliate.mockRejectedValue(new Error("UNAVAILABLE"));
    store.loadCourses.mockRejectedValue(new Error("UNAVAILABLE"));
    const failed = await call(redirect, "GET", "/r/fail01/typescript", "", nextIp());
    expect(failed).toMatchObject({ status: 302, headers: { location: "https://school.example/" } });
    expect(failed.ms).toBeLessThan(200);

    store.findAffiliate.mockResolvedValue({ id: "aff_real01", status: "active" });
    store.loadCourses.mockResolvedValue([{ id: "typescript", siteUrl: "https://school.example/ts" }]);
    store.createClick.mockImplementation(never);
    const slowWrite = await call(redirect, "GET", "/r/slug01/typescript", "", nextIp());
    expect(slowWrite.headers["location"]).toBe("https://school.example/ts?affiliateId=aff_real01");
    expect(slowWrite.ms).toBeLessThan(FIRESTORE_BUDGET_MS + 300);
    expect(store.createClick).toHaveBeenCalledTimes(1);
  });

  test("resolutions are cached: a second visit does not look the affiliate up again", async () => {
    store.findAffiliate.mockResolvedValue({ id: "aff_cached1", status: "active" });
    store.loadCourses.mockResolvedValue([{ id: "react", siteUrl: "https://school.example/react" }]);
    store.createClick.mockResolvedValue("c1");
    const first = await call(redirect, "GET", "/r/cached1/react", "", nextIp());
    expect(first.headers["location"]).toBe("https://school.example/react?affiliateId=aff_cached1");
    store.findAffiliate.mockRejectedValue(new Error("UNAVAILABLE"));
    const second = await call(redirect, "GET", "/r/cached1/react", "", nextIp());
    expect(second.headers["location"]).toBe("https://school.example/react?affiliateId=aff_cached1");
    expect(store.findAffiliate).toHaveBeenCalledTimes(1);
    expect(store.createClick).toHaveBeenCalledTimes(2);
  });

  test("bots are redirected like anyone, but nothing is written", async () => {
    store.findAffiliate.mockResolvedValue({ id: "aff_bot1", status: "active" });
    store.loadCourses.mockResolvedValue([]);
    const res = await new Promise<Answer>((resolve) => {
      void call(redirect, "HEAD", "/r/bot001", "", nextIp()).then(resolve);
    });
    expect(res).toMatchObject({ status: 302, headers: { location: "https://school.example/?affiliateId=aff_bot1" } });
    expect(store.createClick).not.toHaveBeenCalled();
  });
});

describe("click when Firestore misbehaves", () => {
  test("the write hangs: 204 within the budget, and the click was attempted once", async () => {
    store.findAffiliate.mockResolvedValue({ id: "aff_beacon1", status: "active" });
    store.createClick.mockImplementation(never);
    const answer = await call(click, "POST", "/c", "a=beacon1&c=typescript", nextIp());
    expect(answer.status).toBe(204);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect(answer.ms).toBeLessThan(FIRESTORE_BUDGET_MS + 300);
    expect(store.createClick).toHaveBeenCalledWith(
      expect.objectContaining({ affiliateId: "aff_beacon1", courseId: "typescript", source: "beacon", ua: "desktop" }),
      expect.any(Date),
    );
  });

  test("the lookup fails: 204 at once, nothing written", async () => {
    store.findAffiliate.mockRejectedValue(new Error("UNAVAILABLE"));
    const answer = await call(click, "POST", "/c", "a=broken1", nextIp());
    expect(answer.status).toBe(204);
    expect(answer.ms).toBeLessThan(200);
    expect(store.createClick).not.toHaveBeenCalled();
  });

  test("an inactive affiliate is not written", async () => {
    store.findAffiliate.mockResolvedValue({ id: "aff_pending1", status: "pending" });
    expect((await call(click, "POST", "/c", "a=pending1", nextIp())).status).toBe(204);
    expect(store.createClick).not.toHaveBeenCalled();
  });
});
