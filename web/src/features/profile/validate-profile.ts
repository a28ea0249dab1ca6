import { isEmail } from "../../lib/validate";
import type { ProfileUpdate } from "../../types/models";

export const MAX_DISPLAY_NAME = 80;

export type ProfileErrors = Partial<Record<keyof ProfileUpdate, string>>;

export function normaliseProfile(input: ProfileUpdate): ProfileUpdate {
  return { displayName: input.displayName.trim(), payoutEmail: input.payoutEmail.trim() };
}

/** Both fields may be empty (the account email is used then); when given they must be sensible. */
export function validateProfile(update: ProfileUpdate): ProfileErrors {
  const errors: ProfileErrors = {};
  // UTF-16 length, the stricter count, so whatever the rules count the value fits.
  if (update.displayName.length > MAX_DISPLAY_NAME) errors.displayName = `Use at most ${MAX_DISPLAY_NAME} characters.`;
  if (update.payoutEmail !== "" && !isEmail(update.payoutEmail)) errors.payoutEmail = "Enter an email address like name@example.com.";
  return errors;
}
