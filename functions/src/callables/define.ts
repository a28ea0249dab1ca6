import { HttpsError, onCall, type FunctionsErrorCode } from "firebase-functions/https";
import type { SecretParam } from "firebase-functions/params";
import type { z } from "zod";
import { MAX_INSTANCES } from "../config/instances.js";
import { enforceAppCheck, listOf, ownerEmails } from "../config/params.js";
import type { Actor } from "../domain/actor.js";
import { answerNoSoonerThan } from "../domain/answer-time.js";
import { clientAddress, clientLimitKey, HOPS_DIRECT } from "../domain/client-address.js";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";
import { decideOwner, type CallerAuth } from "../owner/access.js";

// Every callable goes through here: its input is checked against its contract (contracts/callables),
// owner callables check the caller, and domain refusals become the callable protocol's errors.

/** A callable's entry in contracts/callables: what it accepts and what it answers. */
interface Contract<I, O> {
  input: z.ZodType<I>;
  output: z.ZodType<O>;
}

const HTTPS_CODES: Record<DomainErrorCode, FunctionsErrorCode> = {
  "not-found": "not-found",
  conflict: "already-exists",
  "failed-precondition": "failed-precondition",
  "invalid-input": "invalid-argument",
  unauthenticated: "unauthenticated",
  "permission-denied": "permission-denied",
  "rate-limited": "resource-exhausted",
};

/** The one translation of domain refusals into the callable protocol; anything else stays an internal error. */
export function toHttpsError(err: unknown): unknown {
  return err instanceof DomainError ? new HttpsError(HTTPS_CODES[err.code], err.message, err.details) : err;
}

/** Validates a callable's input; the message names the fields, never echoes values. */
export function parseInput<I>(contract: Pick<Contract<I, unknown>, "input">, data: unknown): I {
  const parsed = contract.input.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
  throw new DomainError("invalid-input", `Invalid input. ${fields.slice(0, 5).join("; ")}`);
}

/** Refuses anyone but a configured, verified owner holding the `owner` claim. */
export function requireOwner(auth: CallerAuth | undefined): Actor {
  const decision = decideOwner(auth, listOf(ownerEmails.value()));
  if (decision.ok) return decision.owner;
  throw new DomainError(decision.code, decision.code === "unauthenticated" ? "Sign in first." : "Only the program owner may do this.");
}

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toHttpsError(err);
  }
}

/** A callable anyone may call; the handler sees who, if anyone, is signed in. */
export function publicCallable<I, O>(contract: Contract<I, O>, handler: NoInfer<(input: I, auth: CallerAuth | undefined) => Promise<O>>) {
  return onCall({ maxInstances: MAX_INSTANCES.callables }, (request) => answering(() => handler(parseInput(contract, request.data), request.auth)));
}

/** What an anonymous callable knows about who is calling: nothing it could trust for identity. */
export interface Caller {
  /** What per-client limits count by (see clientLimitKey); null when no front end added an address (emulators only). */
  clientKey: string | null;
}

/**
 * A callable open to anyone on the internet, with no sign-in, from the portal only (App Check, when
 * ENFORCE_APP_CHECK is on, as it is by default): at most MAX_INSTANCES.callables instances, so a flood
 * costs a bounded amount, and every answer (error or not) takes at least `minAnswerMs`, so its
 * timing does not tell whether an address is known.
 */
export function anonymousCallable<I, O>(contract: Contract<I, O>, minAnswerMs: number, handler: NoInfer<(input: I, caller: Caller) => Promise<O>>) {
  return onCall({ maxInstances: MAX_INSTANCES.callables }, (request) =>
    answering(() =>
      answerNoSoonerThan(minAnswerMs, () => {
        // Checked here rather than with onCall's enforceAppCheck, which cannot read a parameter.
        if (enforceAppCheck.value() && request.app === undefined) throw new DomainError("unauthenticated", "This request did not come from the portal: App Check token missing or invalid.");
        const address = clientAddress(request.rawRequest.headers, HOPS_DIRECT);
        return handler(parseInput(contract, request.data), { clientKey: address === null ? null : clientLimitKey(address) });
      }),
    ),
  );
}

/**
 * A callable for a signed-in affiliate: the token must carry a verified email (every sign-in is by
 * email link), and the handler gets the uid, which is the affiliate id; the store checks that the
 * affiliate is active in the same transaction as the change.
 */
export function affiliateCallable<I, O>(contract: Contract<I, O>, handler: NoInfer<(input: I, affiliateId: string) => Promise<O>>) {
  return onCall({ maxInstances: MAX_INSTANCES.callables }, (request) =>
    answering(() => {
      const auth = request.auth;
      if (!auth) throw new DomainError("unauthenticated", "Sign in first.");
      if (auth.token.email_verified !== true) throw new DomainError("permission-denied", "Sign in with your email link first.");
      return handler(parseInput(contract, request.data), auth.uid);
    }),
  );
}

/** What an owner callable needs beyond the defaults: the secrets it reads (bound at deploy). */
export interface OwnerCallableOptions {
  secrets?: SecretParam[];
}

/** A callable only the program owner may call; the owner is checked before the input is read. */
export function ownerCallable<I, O>(contract: Contract<I, O>, handler: NoInfer<(input: I, owner: Actor) => Promise<O>>, options: OwnerCallableOptions = {}) {
  return onCall({ maxInstances: MAX_INSTANCES.callables, ...options }, (request) =>
    answering(() => {
      const owner = requireOwner(request.auth);
      return handler(parseInput(contract, request.data), owner);
    }),
  );
}
