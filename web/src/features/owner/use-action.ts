import { useCallback, useState } from "react";
import { errorCode, errorMessage } from "../../lib/errors";
import { callFunction } from "../../lib/firebase";

export type ActionState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "error"; message: string };

/** Words for a callable's failure; the server's message is written for the owner already. */
export function actionError(error: unknown): string {
  const code = errorCode(error);
  if (code === "functions/permission-denied") return "Only the program owner may do this. Try signing out and in again.";
  if (code === "functions/unauthenticated") return "Your session has ended. Sign in again.";
  if (code === "functions/unavailable" || code === "functions/internal") return "The server could not be reached. Try again.";
  return errorMessage(error).replace(/^Invalid input\.\s*/, "Please check: ");
}

/** Runs one owner callable at a time and keeps its outcome for an aria-live message. */
export function useAction() {
  const [state, setState] = useState<ActionState>({ kind: "idle" });
  const run = useCallback(async (name: string, data: unknown, done: string | ((result: unknown) => string)): Promise<unknown> => {
    setState({ kind: "busy" });
    try {
      const result = await callFunction(name, data);
      setState({ kind: "done", message: typeof done === "string" ? done : done(result) });
      return result;
    } catch (error) {
      setState({ kind: "error", message: actionError(error) });
      return undefined;
    }
  }, []);
  return { state, run, busy: state.kind === "busy" };
}
