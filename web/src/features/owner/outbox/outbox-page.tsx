import { useState } from "react";
import { Badge } from "../../../components/badge";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { LoadMore } from "../../../components/load-more";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { listenOutbox } from "../../../lib/firestore-owner";
import type { MailItem } from "../../../types/models";
import { MailPreview } from "./mail-preview";

const PAGE = 100;
const COLUMNS = ["Created", "To", "Subject", "Delivery", "Open"] as const;
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** What the program emailed and whether the Trigger Email extension delivered it. */
export default function OutboxPage() {
  const [max, setMax] = useState(PAGE);
  const mail = useLive<MailItem[]>(`owner:outbox:${max}`, (next, onError) => listenOutbox(max, next, onError));
  const [openId, setOpenId] = useState<string | null>(null);
  const open = mail.status === "ready" ? mail.data.find((m) => m.id === openId) : undefined;
  return (
    <Section title="Outbox" testId="outbox">
      <p className="muted small">Without the Trigger Email extension (e.g. on the emulators) mails stay queued with no delivery state.</p>
      <LiveStatus live={mail} what="outbox" />
      {open ? <MailPreview key={open.id} mail={open} onClose={() => setOpenId(null)} /> : null}
      {mail.status === "ready" && mail.data.length === 0 ? <p className="muted">Nothing sent yet.</p> : null}
      {mail.status === "ready" && mail.data.length > 0 ? (
        <DataTable label="Outbox" columns={COLUMNS} compact>
          {mail.data.map((m) => (
            <tr key={m.id} data-testid="mail-row" data-mail-id={m.id} data-kind={m.kind} data-to={m.to.join(",")}>
              <th scope="row">{m.createdAt ? dateTime.format(m.createdAt) : "—"}</th>
              <td className="small">{m.to.join(", ")}</td>
              <td>{m.subject}</td>
              <td>
                <Badge tone={m.state === "ERROR" ? "reversed" : m.state === "SUCCESS" ? "paid" : "pending"}>{m.state ?? "queued"}</Badge>
                {m.error ? <div className="small negative">{m.error}</div> : null}
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => setOpenId(m.id)} aria-label={`View email: ${m.subject}`} data-testid="mail-open">
                  View
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <LoadMore live={mail} max={max} onMore={() => setMax(max + PAGE)} />
    </Section>
  );
}
