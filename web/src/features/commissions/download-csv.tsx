import { useState } from "react";
import { downloadText } from "../../lib/download";
import { readAllCommissions } from "../../lib/firestore-affiliate";
import { affiliateCommissionsCsv } from "./commissions-csv";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "error" };

/** Every commission, not just the page on screen, as a CSV file made in the browser. */
export function DownloadCsv({ uid, now }: { uid: string; now: Date }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const download = async () => {
    setState({ kind: "busy" });
    try {
      const all = await readAllCommissions(uid);
      downloadText(`commissions-${now.toISOString().slice(0, 10)}.csv`, affiliateCommissionsCsv(all, now));
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "error" });
    }
  };
  return (
    <span className="download-csv">
      {state.kind === "error" ? (
        <span className="small negative" role="alert">
          Could not download; try again.
        </span>
      ) : null}
      <button type="button" className="button button--small" onClick={() => void download()} disabled={state.kind === "busy"} data-testid="commissions-csv">
        {state.kind === "busy" ? "Preparing…" : "Download CSV"}
      </button>
    </span>
  );
}
