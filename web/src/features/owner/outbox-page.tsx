import { useState } from "react";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { listenOutbox } from "../../lib/firestore-owner";
import type { MailItem } from "../../types/models";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** What the program emailed and whether the Trigger Email extension delivered it. */
export default function OutboxPage() {
  const [max, setMax] = useState(100);
  const mail = useLive<MailItem[]>(`owner:outbox:${max}`, (next, onError) => listenOutbox(max, next, onError));
  return (
    <Section title="Outbox" testId="outbox">
      <p className="muted small">Without the Trigger Email extension (e.g. on the emulators) mails stay queued with no delivery state.</p>
      <LiveStatus live={mail} what="outbox" />
      {mail.status === "ready" && mail.data.length === 0 ? <p className="muted">Nothing sent yet.</p> : null}
      {mail.status === "ready" && mail.data.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Outbox">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {mail.data.map((m) => (
                <tr key={m.id} data-testid="mail-row" data-mail-id={m.id} data-kind={m.kind} data-to={m.to.join(",")}>
                  <th scope="row">{m.createdAt ? dateTime.format(m.createdAt) : "—"}</th>
                  <td className="small">{m.to.join(", ")}</td>
                  <td>{m.subject}</td>
                  <td>
                    <span className={`badge badge--${m.state === "ERROR" ? "reversed" : m.state === "SUCCESS" ? "paid" : "pending"}`}>{m.state ?? "queued"}</span>
                    {m.error ? <div className="small negative">{m.error}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mail.status === "ready" && mail.data.length >= max ? (
        <button type="button" className="button" onClick={() => setMax(max + 100)}>
          Load more
        </button>
      ) : null}
    </Section>
  );
}
