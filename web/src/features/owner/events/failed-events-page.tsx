import { useState } from "react";
import { Badge } from "../../../components/badge";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { LoadMore } from "../../../components/load-more";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { listenFailedEvents } from "../../../lib/firestore-owner";
import type { FailedEvent } from "../../../types/models";
import { ActionMessage } from "../action-message";
import { useAction } from "../use-action";

const PAGE = 100;
const COLUMNS = ["Received", "Platform", "Event", "Why it failed", ""] as const;
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const STAGES: Record<string, string> = {
  parse: "Could not be read",
  apply: "Could not be applied",
};

function outcomeText(outcome: string, detail: string | null): string {
  if (outcome === "failed" || outcome === "error") return `Still failing: ${detail ?? "unknown reason"}`;
  if (outcome === "skipped") return `Nothing to do: ${detail ?? "already handled"}.`;
  return `Replayed: ${outcome}.`;
}

function ReplayButton({ event }: { event: FailedEvent }) {
  const { state, run, busy } = useAction();
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy}
        data-testid="replay-event"
        onClick={() => run("replayWebhookEvent", { eventId: event.id }, (result) => outcomeText(result.outcome, result.detail))}
      >
        Replay
      </button>
      <ActionMessage state={state} testId="replay-message" />
    </div>
  );
}

/**
 * Webhook events that were verified and stored but could not be read or applied. Nothing is lost:
 * each keeps its raw body, and Replay reads it again with the code deployed now (as `npm run replay`).
 */
export default function FailedEventsPage() {
  const [max, setMax] = useState(PAGE);
  const events = useLive<FailedEvent[]>(`owner:failed-events:${max}`, (next, onError) => listenFailedEvents(max, next, onError));
  return (
    <Section title="Failed events" testId="failed-events">
      <p className="muted small">
        Verified webhooks that could not be recorded yet. Platform retries and upgrades usually fix them: replay an event once the cause is gone, or run
        <code> npm run replay</code>.
      </p>
      <LiveStatus live={events} what="failed events" />
      {events.status === "ready" && events.data.length === 0 ? <p className="muted" data-testid="no-failed-events">No failed events.</p> : null}
      {events.status === "ready" && events.data.length > 0 ? (
        <DataTable label="Failed events" columns={COLUMNS} compact>
          {events.data.map((e) => (
            <tr key={e.id} data-testid="failed-event-row" data-event-id={e.id} data-stage={e.stage ?? ""}>
              <th scope="row">{e.receivedAt ? dateTime.format(e.receivedAt) : "—"}</th>
              <td>{e.platform}</td>
              <td className="small">{e.eventType ?? "unknown"}</td>
              <td>
                <Badge tone="reversed">{STAGES[e.stage ?? ""] ?? "Failed"}</Badge>
                <div className="small" data-testid="failed-event-error">
                  {e.error}
                </div>
              </td>
              <td>
                <ReplayButton event={e} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <LoadMore live={events} max={max} onMore={() => setMax(max + PAGE)} />
    </Section>
  );
}
