import { z } from "zod";
import { AFFILIATE_ID } from "../affiliates.js";

// Fields several callables share.

export const affiliateIdField = z.string().regex(AFFILIATE_ID);

/** Trimmed and lower-cased: one person, one address. */
export const emailField = z.email().trim().max(254).transform((email) => email.toLowerCase());

/** `orders/{orderKey}` ids: never a path. */
export const orderKeyField = z.string().min(3).max(200).regex(/^[^/]+$/);

/** Test clock, honoured on the emulators only (see clockOf in the functions). */
export const asOfField = z.iso.datetime().optional();

/** The answer of callables that only report success. */
export const okOutput = z.object({ ok: z.literal(true) });
