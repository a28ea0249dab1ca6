import type { ActionState } from "./use-action";

/** The outcome of an owner action, announced politely; a failure as an alert. */
export function ActionMessage({ state, testId }: { state: ActionState; testId?: string }) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {state.kind === "done" ? (
        <p className="notice tone-ok" data-kind="ok">
          {state.message}
        </p>
      ) : null}
      {state.kind === "error" ? (
        <p className="notice tone-error" data-kind="error" role="alert">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
