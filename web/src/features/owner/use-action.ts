import { useCallback, useState } from "react";
import type { CallableInput, CallableName, CallableOutput } from "../../../../contracts/callables/index";
import { errorCode, errorMessage } from "../../lib/errors";
import { call } from "../../lib/firebase-callables";

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
  // The answer, or undefined when the call failed (the state then holds the reason).
  const run = useCallback(async <N extends CallableName>(name: N, input: CallableInput<N>, done: string | ((result: CallableOutput<N>) => string)): Promise<CallableOutput<N> | undefined> => {
    setState({ kind: "busy" });
    try {
      const result = await call(name, input);
      setState({ kind: "done", message: typeof done === "string" ? done : done(result) });
      return result;
    } catch (error) {
      setState({ kind: "error", message: actionError(error) });
      return undefined;
    }
  }, []);
  return { state, run, busy: state.kind === "busy" };
}
