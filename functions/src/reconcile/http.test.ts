import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, getJson, retryAfterMs, VendorApiError } from "./http.js";

// A real local server: the client's back-off is checked against actual HTTP answers.
const answers: Array<{ status: number; headers?: Record<string, string> }> = [];
let hits = 0;
let base = "";
const server = createServer((_req, res) => {
  hits++;
  const next = answers.shift() ?? { status: 200 };
  res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
  res.end(JSON.stringify({ status: next.status }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function policy(waits: number[]) {
  return { ...DEFAULT_POLICY, attempts: 3, backoffMs: 10, timeoutMs: 2_000, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

describe("getJson", () => {
  it("waits as a 429's Retry-After says, backs off after a 5xx, and returns the answer", async () => {
    answers.push({ status: 429, headers: { "retry-after": "2" } }, { status: 503 });
    hits = 0;
    const waits: number[] = [];
    expect(await getJson(`${base}/x`, {}, policy(waits))).toEqual({ status: 200 });
    expect(hits).toBe(3);
    expect(waits).toEqual([2_000, 20]);
  });

  it("gives up after its tries with the last status, and never retries a 4xx", async () => {
    answers.push({ status: 500 }, { status: 500 }, { status: 500 });
    const waits: number[] = [];
    await expect(getJson(`${base}/x`, {}, policy(waits))).rejects.toMatchObject({ name: "VendorApiError", status: 500 });
    expect(waits).toEqual([10, 20]);
    answers.push({ status: 401 });
    hits = 0;
    await expect(getJson(`${base}/x`, {}, policy([]))).rejects.toBeInstanceOf(VendorApiError);
    expect(hits).toBe(1);
  });

  it("caps Retry-After and reads it as seconds or a date", () => {
    expect(retryAfterMs("3", 0)).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs("soon", 0)).toBeNull();
  });

  it("counts a refused connection as a failed try", async () => {
    const waits: number[] = [];
    await expect(getJson("http://127.0.0.1:1/x", {}, policy(waits))).rejects.toMatchObject({ status: null });
    expect(waits).toHaveLength(2);
  });
});
