import { HttpsError } from "firebase-functions/https";
import { z } from "zod";
import { listOf, ownerEmails } from "../config/params.js";
import { decideOwner, type CallerAuth, type Owner } from "./access.js";

/** Refuses anyone but a configured, verified owner holding the `owner` claim. */
export function requireOwner(auth: CallerAuth | undefined): Owner {
  const decision = decideOwner(auth, listOf(ownerEmails.value()));
  if (decision.ok) return decision.owner;
  throw new HttpsError(decision.code, decision.code === "unauthenticated" ? "Sign in first." : "Only the program owner may do this.");
}

/** Validates a callable's input; the message names the fields, never echoes values. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
    throw new HttpsError("invalid-argument", `Invalid input. ${fields.slice(0, 5).join("; ")}`);
  }
  return parsed.data;
}

export type { CallerAuth, Owner };
