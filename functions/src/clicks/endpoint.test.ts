// The endpoints with Firestore hanging: the visitor is answered within the budget anyway. The real
// handlers and the real Admin SDK run here; "Firestore" is a local TCP server that accepts
// connections and never answers, which is what a stalled backend looks like to the SDK. What the
// endpoints count when Firestore works is tested through Hosting on the emulators (tests/integration/clicks).
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const FIRESTORE_BUDGET_MS = 800;
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
/** Where a /r/ link lands when its affiliate or course cannot be resolved (DEFAULT_REDIRECT_URL). */
const DEFAULT_LANDING = "https://school.example/";

type Endpoint = typeof import("./endpoint.js");
let endpoint: Endpoint;
let blackHole: Server;
const sockets: Socket[] = [];

beforeAll(async () => {
  blackHole = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  const address = blackHole.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  // Parameters are read from the environment inside the handlers, as in a deployed function.
  process.env["FIRESTORE_EMULATOR_HOST"] = `127.0.0.1:${address.port}`;
  process.env["GCLOUD_PROJECT"] = "demo-black-hole";
  process.env["CLICK_SALT"] = "salt";
  process.env["DEFAULT_REDIRECT_URL"] = DEFAULT_LANDING;
  endpoint = await import("./endpoint.js");
  // An instance's first request loads the Firestore client, which blocks the event loop for a
  // moment (a cold start): the budgets below are those of a warm instance.
  await call(endpoint.redirect, "GET", "/r/warm01/typescript");
});

// The SDK's calls never finish; the worker ends with the file, so only the server is closed.
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => blackHole.close(() => resolve()));
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  ms: number;
}

/** Calls a handler with a request as Hosting forwards it: X-Forwarded-For "<client>, <Google front end>". */
function call(handler: (req: never, res: never) => unknown, method: string, path: string, body = ""): Promise<Answer> {
  const headers: Record<string, string> = {
    "user-agent": CHROME,
    "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}, 35.191.0.7`,
    "content-type": "application/x-www-form-urlencoded",
  };
  const req = {
    method,
    path,
    url: path,
    headers,
    rawBody: Buffer.from(body),
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

describe("when Firestore hangs", () => {
  test("the budget is the one the endpoints use", () => {
    expect(endpoint.FIRESTORE_BUDGET_MS).toBe(FIRESTORE_BUDGET_MS);
  });

  test("a /r/ link lands on the default page without an id, within the budget", async () => {
    const answer = await call(endpoint.redirect, "GET", "/r/hang01/typescript");
    expect(answer.status).toBe(302);
    expect(answer.headers["location"]).toBe(DEFAULT_LANDING);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.ms).toBeGreaterThanOrEqual(FIRESTORE_BUDGET_MS - 20);
    expect(answer.ms).toBeLessThan(FIRESTORE_BUDGET_MS + 300);
  });

  test("a beacon is answered 204 within the budget", async () => {
    const answer = await call(endpoint.click, "POST", "/c", "a=hang02&c=typescript");
    expect(answer.status).toBe(204);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect(answer.ms).toBeGreaterThanOrEqual(FIRESTORE_BUDGET_MS - 20);
    expect(answer.ms).toBeLessThan(FIRESTORE_BUDGET_MS + 300);
  });

  test("what needs no Firestore is answered at once: a malformed beacon, a bad path, a preflight", async () => {
    const bad = await call(endpoint.click, "POST", "/c", "u=https://x.example/");
    expect(bad.status).toBe(400);
    const path = await call(endpoint.redirect, "GET", "/r/");
    expect(path).toMatchObject({ status: 302, headers: { location: DEFAULT_LANDING } });
    const preflight = await call(endpoint.click, "OPTIONS", "/c");
    expect(preflight.status).toBe(204);
    for (const answer of [bad, path, preflight]) expect(answer.ms).toBeLessThan(200);
  });
});
