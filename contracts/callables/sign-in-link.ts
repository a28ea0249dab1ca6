import { z } from "zod";
import { asOfField, emailField, okOutput } from "./fields.js";

/** Public: asks for an email sign-in link. `asOf` moves the rate-limit clock on the emulators only. */
export const signInLinkInput = z.strictObject({
  email: emailField,
  asOf: asOfField,
});

/**
 * The same answer whether or not the address can sign in (a link is mailed only when it can); a
 * refusal by a rate limit is `resource-exhausted` with `{ limit, retryAfterSeconds }` as details.
 */
export const signInLinkOutput = okOutput;
