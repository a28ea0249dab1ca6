import { useState } from "react";
import { Link, Navigate } from "react-router-dom";
import { Field } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";
import { now } from "../../lib/clock";
import { errorCode, rateLimitOf } from "../../lib/errors";
import { call } from "../../lib/firebase-callables";
import { readLocal, writeLocal } from "../../lib/local-store";
import { isEmail } from "../../lib/validate";
import { useAuth } from "./auth-context";
import { pendingEmail } from "./pending-email";
import { checkThrottle, formatWait, parseRecords, THROTTLE_STORAGE_KEY, throttleMessage } from "./throttle";

// The same words whether or not the address belongs to anyone, so the form reveals nothing.
const SENT = "If this address can sign in, a link is on its way. Open it on this device to continue; it expires after a while.";

/** The server's limits (functions/src/domain/limits.ts) in words; any other failure is a retry later. */
function sendError(error: unknown): string {
  const limited = rateLimitOf(error);
  if (limited?.limit === "sign-in-email" || limited?.limit === "sign-in-email-client") return `Several links were already sent to this address. Check your inbox (and spam folder), or try again in ${formatWait(limited.retryAfterMs)}.`;
  if (limited) return `Too many sign-in requests from your network. Please try again in ${formatWait(limited.retryAfterMs)}.`;
  if (errorCode(error) === "functions/invalid-argument") return "Enter an email address like name@example.com.";
  return "We could not send a link right now. Check your connection and try again.";
}

export function SignInPage() {
  const { state } = useAuth();
  const [email, setEmail] = useState(() => pendingEmail.read() ?? "");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ kind: "sent" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.phase === "signed-in") return <Navigate to={paths.home.href()} replace />;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const address = email.trim();
    setNotice(null);
    if (!isEmail(address)) {
      setFieldError("Enter an email address like name@example.com.");
      return;
    }
    setFieldError(undefined);
    const decision = checkThrottle(parseRecords(readLocal(THROTTLE_STORAGE_KEY)), address, now().getTime());
    if (!decision.ok) {
      setNotice({ kind: "error", text: throttleMessage(decision) });
      return;
    }
    writeLocal(THROTTLE_STORAGE_KEY, JSON.stringify(decision.records));
    setBusy(true);
    try {
      pendingEmail.write(address);
      // The server mails the link (to the portal's own finish page) and applies its own limits.
      await call("signInLink", { email: address });
      setNotice({ kind: "sent", text: SENT });
    } catch (error) {
      setNotice({ kind: "error", text: sendError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageTitle title="Sign in">Sign in</PageTitle>
      <p>We will email you a link that signs you in. No password needed.</p>
      <form className="card form" onSubmit={submit} noValidate data-testid="sign-in-form" aria-busy={busy}>
        <Field label="Email address" name="email" type="email" autoComplete="email" required value={email} onValue={setEmail} error={fieldError} testId="sign-in-email" />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Sending…" : "Email me a sign-in link"}
        </button>
      </form>
      <div aria-live="polite" data-testid="sign-in-notice">
        {notice ? (
          <p className={`notice ${notice.kind === "sent" ? "tone-ok" : "tone-error"}`} data-kind={notice.kind}>
            {notice.text}
          </p>
        ) : null}
      </div>
      <p className="muted">
        Not an affiliate yet? <Link to={paths.apply.href()}>Apply to join the program</Link>.
      </p>
    </div>
  );
}
