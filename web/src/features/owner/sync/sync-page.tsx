import { useEffect, useState } from "react";
import type { CallableOutput } from "../../../../../contracts/callables/index";
import { SYNC_PLATFORMS, type SyncPlatform, type SyncRun, type SyncState } from "../../../../../contracts/sync";
import { Badge, type BadgeTone } from "../../../components/badge";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { call } from "../../../lib/firebase-callables";
import { listenSyncedEvents, listenSyncRuns, listenSyncStates, type SyncedEvent } from "../../../lib/firestore-owner";
import { ActionMessage } from "../action-message";
import { actionError, useAction } from "../use-action";

const RUNS = 20;
const NAMES: Record<SyncPlatform, string> = { paddle: "Paddle", lemonsqueezy: "Lemon Squeezy" };
const TONES: Record<SyncRun["status"], BadgeTone> = { queued: "pending", running: "payable", done: "paid", failed: "reversed" };
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const when = (d: Date | null) => (d ? dateTime.format(d) : "never");

type Keys = { kind: "loading" } | { kind: "ready"; on: CallableOutput<"syncStatus"> } | { kind: "error"; message: string };

/** Which API keys are set: asked once, since only the functions can read secrets. */
function useKeys(): Keys {
  const [keys, setKeys] = useState<Keys>({ kind: "loading" });
  useEffect(() => {
    let current = true;
    call("syncStatus", null).then(
      (on) => current && setKeys({ kind: "ready", on }),
      (error: unknown) => current && setKeys({ kind: "error", message: actionError(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return keys;
}

function PlatformStatus({ platform, keys, state }: { platform: SyncPlatform; keys: Keys; state: SyncState | undefined }) {
  const on = keys.kind === "ready" && keys.on[platform];
  return (
    <li data-testid={`sync-state-${platform}`} data-on={on ? "yes" : "no"}>
      <strong>{NAMES[platform]}</strong>:{" "}
      {keys.kind === "ready" && !on ? (
        <span>
          reconciliation is off (set the <code>{platform === "paddle" ? "PADDLE_API_KEY" : "LEMONSQUEEZY_API_KEY"}</code> secret)
          {platform === "lemonsqueezy" ? "; discount-code attribution for Lemon Squeezy is off too, since its webhooks carry no code" : ""}.
        </span>
      ) : (
        <span>
          last sync {when(state?.lastFinishedAt ?? null)}
          {state?.lastStatus === "failed" ? <> — failed: {state.lastError}</> : null}
          {state && state.lastMissed > 0 ? (
            <>
              {" "}
              — <Badge tone="flagged">{state.lastMissed} missed by webhooks</Badge>
            </>
          ) : null}
        </span>
      )}
    </li>
  );
}

function Backfill({ disabled }: { disabled: boolean }) {
  const { state, run, busy } = useAction();
  const [platform, setPlatform] = useState<SyncPlatform>("paddle");
  const [from, setFrom] = useState("");
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        void run("startSync", { action: "backfill", platform, from }, "Backfill started: its progress shows below.");
      }}
    >
      <label>
        Platform{" "}
        <select value={platform} onChange={(e) => setPlatform(e.target.value === "lemonsqueezy" ? "lemonsqueezy" : "paddle")} data-testid="backfill-platform">
          {SYNC_PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {NAMES[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        From{" "}
        <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} data-testid="backfill-from" />
      </label>
      <button type="submit" className="button button--small" disabled={busy || disabled} data-testid="backfill-start">
        Backfill
      </button>
      <ActionMessage state={state} testId="backfill-message" />
    </form>
  );
}

function ResumeButton({ run: syncRun }: { run: SyncRun }) {
  const { state, run, busy } = useAction();
  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void run("startSync", { action: "resume", runId: syncRun.id }, "Resumed.")} data-testid="sync-resume">
        Resume
      </button>
      <ActionMessage state={state} testId="sync-resume-message" />
    </>
  );
}

const MISSED_SHOWN = 50;

/** What the latest run that recorded anything found: the sales and refunds webhooks had missed. */
function MissedByRun({ run }: { run: SyncRun }) {
  const events = useLive<SyncedEvent[]>(`owner:synced-events:${run.id}`, (next, onError) => listenSyncedEvents(run.id, MISSED_SHOWN, next, onError));
  const total = run.counts.recorded + run.counts.refunds;
  return (
    <div data-testid="sync-missed">
      <h3>
        Missed by webhooks, found by the {NAMES[run.platform]} {run.kind} of {when(run.createdAt)}: {total}
        {total > MISSED_SHOWN ? ` (the first ${MISSED_SHOWN} shown)` : ""}
      </h3>
      <LiveStatus live={events} what="recorded events" />
      {events.status === "ready" ? (
        <ul>
          {events.data.map((e) => (
            <li key={e.id} data-testid="sync-missed-item">
              <code>{e.orderKey ?? e.id}</code> — {e.eventType ?? "unknown event"}
              {e.kind && e.kind !== "sale" ? ` (${e.kind})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const COLUMNS = ["Started", "Platform", "Kind", "Status", "Pages", "Found", "Already known", "Recorded", "Unattributed", ""] as const;

/**
 * Reconciliation with the platforms' APIs (issue 15): the last sync, sales it found that webhooks
 * had missed, errors, and backfills with live progress. Runs are carried out by the functions; this
 * page only starts them and watches their documents.
 */
export default function SyncPage() {
  const keys = useKeys();
  const states = useLive<SyncState[]>("owner:sync-states", (next, onError) => listenSyncStates(next, onError));
  const runs = useLive<SyncRun[]>(`owner:sync-runs:${RUNS}`, (next, onError) => listenSyncRuns(RUNS, next, onError));
  const sync = useAction();
  const anyOn = keys.kind === "ready" && (keys.on.paddle || keys.on.lemonsqueezy);
  const latestWithMissed = runs.status === "ready" ? runs.data.find((r) => r.counts.recorded + r.counts.refunds > 0) : undefined;
  return (
    <Section
      title="Sync with Paddle and Lemon Squeezy"
      testId="sync"
      actions={
        <button
          type="button"
          className="button button--small button--primary"
          disabled={sync.busy || !anyOn}
          onClick={() => void sync.run("startSync", { action: "sync" }, (r) => (r.runIds.length > 0 ? "Sync started." : "Nothing to start: reconciliation is off."))}
          data-testid="sync-now"
        >
          Sync now
        </button>
      }
    >
      <p className="muted small">
        Every hour the functions ask each platform's API what changed and record any sale or refund whose webhook never arrived, through the same steps as a webhook: nothing is
        counted twice. Lemon Squeezy's API does not return checkout custom data, so a sale found there is credited only through a discount code; re-attribute it in Orders.
      </p>
      <ActionMessage state={sync.state} testId="sync-message" />
      {keys.kind === "error" ? <p className="error">{keys.message}</p> : null}
      <ul data-testid="sync-states">
        {SYNC_PLATFORMS.map((p) => (
          <PlatformStatus key={p} platform={p} keys={keys} state={states.status === "ready" ? states.data.find((s) => s.platform === p) : undefined} />
        ))}
      </ul>
      <Backfill disabled={!anyOn} />
      <LiveStatus live={runs} what="sync runs" />
      {runs.status === "ready" && runs.data.length > 0 ? (
        <DataTable label="Sync runs" columns={COLUMNS} compact>
          {runs.data.map((r) => (
            <tr key={r.id} data-testid="sync-run" data-run-id={r.id} data-status={r.status}>
              <th scope="row">{when(r.createdAt)}</th>
              <td>{NAMES[r.platform]}</td>
              <td>{r.kind === "backfill" ? `backfill from ${r.from.slice(0, 10)}` : "sync"}</td>
              <td>
                <Badge tone={TONES[r.status]}>{r.status}</Badge>
                {r.error ? <div className="small">{r.error}</div> : null}
              </td>
              <td>{r.counts.pages}</td>
              <td>{r.counts.found}</td>
              <td>{r.counts.alreadyKnown}</td>
              <td data-testid="sync-run-recorded">{r.counts.recorded}</td>
              <td>{r.counts.unattributed}</td>
              <td>{r.status === "failed" ? <ResumeButton run={r} /> : null}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {latestWithMissed ? <MissedByRun run={latestWithMissed} /> : null}
    </Section>
  );
}
