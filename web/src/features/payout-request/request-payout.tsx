import { useState } from "react";
import { call } from "../../lib/firebase-callables";
import { errorCode, errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import type { PayoutRequest } from "../../types/models";
import "./request-payout.css";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string };

function failure(error: unknown): string {
  const code = errorCode(error);
  if (code === "functions/failed-precondition") return "Your payable balance is below the payout threshold now; nothing was requested.";
  if (code === "functions/unauthenticated" || code === "functions/permission-denied") return "Your session has ended. Sign in again.";
  if (code === "functions/unavailable" || code === "functions/internal") return "The server could not be reached. Try again.";
  return errorMessage(error);
}

/**
 * Under a balance over the payout threshold: a button that asks the owner to pay it, or, while a
 * request in this currency is open, when it was made. The owner's payout closes it.
 */
export function RequestPayout({ currency, open }: { currency: string; open: PayoutRequest | undefined }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  if (open) {
    return (
      <p className="request-payout request-payout--open small" data-testid="payout-requested" role="status">
        Payout requested on {formatDate(open.requestedAt)}. The program owner has been emailed.
      </p>
    );
  }
  const request = async () => {
    setState({ kind: "busy" });
    try {
      await call("requestPayout", { currency });
      // The open request arrives through the listener and replaces the button.
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "error", message: failure(error) });
    }
  };
  return (
    <div className="request-payout">
      <button type="button" className="button button--primary button--small" onClick={() => void request()} disabled={state.kind === "busy"} data-testid="request-payout">
        {state.kind === "busy" ? "Requesting…" : "Request payout"}
      </button>
      {state.kind === "error" ? (
        <p className="small negative" role="alert" data-testid="request-payout-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
