// How the portal holds a callable to its contract (contracts/callables): inputs are checked with the
// schema the function validates with, answers are parsed before anyone reads them. Pure, so it is
// unit-tested against the real contracts; firebase-callables.ts does the sending.
import type { z } from "zod";
import type { CallableInput, CallableName, CallableOutput } from "../../../contracts/callables/index";

/** Each callable's schemas, typed by its name (the shape of contracts' `callables`). */
export type Contracts = { [N in CallableName]: { input: z.ZodType<unknown, CallableInput<N>>; output: z.ZodType<CallableOutput<N>> } };

/** Refused before sending, or an answer that is not what the contract says. */
export class CallableError extends Error {
  constructor(
    /** In the Functions SDK's namespace, so callers treat both alike. */
    readonly code: "functions/invalid-argument" | "functions/unexpected-answer",
    message: string,
  ) {
    super(message);
    this.name = "CallableError";
  }
}

/** Throws what the function would answer (`Invalid input. field: problem; …`) for an input it refuses. */
export function checkInput<N extends CallableName>(contract: Contracts[N], input: CallableInput<N>): void {
  const checked = contract.input.safeParse(input);
  if (checked.success) return;
  const fields = checked.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join(".") || "input"}: ${issue.message}`);
  throw new CallableError("functions/invalid-argument", `Invalid input. ${fields.join("; ")}`);
}

export function readAnswer<N extends CallableName>(contract: Contracts[N], name: N, answer: unknown): CallableOutput<N> {
  const parsed = contract.output.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new CallableError("functions/unexpected-answer", `The server's answer to ${name} was not in the expected shape. Reload the page; if this persists, the portal and the functions are from different versions.`);
}
