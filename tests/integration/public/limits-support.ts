import { randomInt } from "node:crypto";
import { call, type CallResult } from "../owner/helpers";

// The public callables (apply, signInLink) as the internet reaches them: Google's front end appends
// the connecting address to whatever X-Forwarded-For the client sent. On the emulators nothing
// stands in front of the functions, so these tests play the front end: `client` is the appended,
// trusted entry, `forged` what a client put before it.

/** A client address of the test's own (10/8 is never a real client), so tests never share a counter. */
export function clientAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function viaFrontEnd(client: string, forged: readonly string[] = []): Record<string, string> {
  return { "x-forwarded-for": [...forged, client].join(", ") };
}

/**
 * A fixed instant in the middle of the current hour for the rate-limit clock (`asOf`, honoured on
 * the emulators only): a burst that runs across an hour boundary still falls in one window.
 */
export function midHour(): string {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return new Date(hour + 1_800_000).toISOString();
}

export interface Timed {
  result: CallResult;
  ms: number;
}

export async function timedCall(name: string, data: unknown, headers: Record<string, string>): Promise<Timed> {
  const started = performance.now();
  const result = await call(name, data, undefined, headers);
  return { result, ms: performance.now() - started };
}

/** How many of a burst were accepted, and which limits refused the rest. */
export function tally(results: readonly Timed[]): { accepted: number; refusedBy: Record<string, number>; other: CallResult[] } {
  const refusedBy: Record<string, number> = {};
  const other: CallResult[] = [];
  let accepted = 0;
  for (const { result } of results) {
    if (result.status === 200) accepted += 1;
    else if (result.error === "RESOURCE_EXHAUSTED") {
      const limit = typeof result.details === "object" && result.details !== null && "limit" in result.details ? String(result.details.limit) : "?";
      refusedBy[limit] = (refusedBy[limit] ?? 0) + 1;
    } else other.push(result);
  }
  return { accepted, refusedBy, other };
}

/**
 * Runs `n` calls with at most `concurrency` in flight. The Functions emulator starts one worker
 * process per concurrent request, so an unbounded burst measures worker start-up on a shared
 * machine rather than the limits; ten in flight is already a burst for every counter involved.
 */
export async function burst<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return results;
}
