import { useEffect, useRef, useState } from "react";
import type { MailItem } from "../../../types/models";
import "./mail-preview.css";

type View = "html" | "text";

/**
 * One queued email as its recipient will see it. The HTML runs in a sandboxed frame with no
 * permissions at all (no scripts, no forms, a unique origin), so whatever a mail carries cannot
 * touch the console or the owner's session.
 */
export function MailPreview({ mail, onClose }: { mail: MailItem; onClose: () => void }) {
  const [view, setView] = useState<View>("html");
  const box = useRef<HTMLDivElement>(null);
  // The preview opens above the list: bring it into view and give keyboard users a place to start.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
    box.current?.focus();
  }, []);
  return (
    <div className="mail-preview" ref={box} tabIndex={-1} aria-label="Email preview" role="region" data-testid="mail-preview" data-mail-id={mail.id}>
      <div className="mail-preview__head">
        <div>
          <p className="mail-preview__subject" data-testid="mail-preview-subject">
            {mail.subject}
          </p>
          <p className="small muted">To {mail.to.join(", ")}</p>
        </div>
        <div className="mail-preview__actions" role="group" aria-label="Show as">
          {(["html", "text"] as const).map((v) => (
            <button key={v} type="button" className="button button--small" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`mail-preview-${v}-tab`}>
              {v === "html" ? "HTML" : "Plain text"}
            </button>
          ))}
          <button type="button" className="button button--small" onClick={onClose} data-testid="mail-preview-close">
            Close
          </button>
        </div>
      </div>
      {view === "html" ? (
        <iframe className="mail-preview__frame" title={`Email: ${mail.subject}`} sandbox="" srcDoc={mail.html} data-testid="mail-preview-frame" />
      ) : (
        <pre className="mail-preview__text" data-testid="mail-preview-text">
          {mail.text}
        </pre>
      )}
    </div>
  );
}
