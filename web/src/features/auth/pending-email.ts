import { readLocal, removeLocal, writeLocal } from "../../lib/local-store";

// The email a link was requested for, so opening the link on the same device needs no retyping.
const KEY = "emailForSignIn";

export const pendingEmail = {
  read: () => readLocal(KEY),
  write: (email: string) => writeLocal(KEY, email),
  clear: () => removeLocal(KEY),
};
