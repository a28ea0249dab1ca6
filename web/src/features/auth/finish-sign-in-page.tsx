import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Field } from "../../components/field";
import { Loading } from "../../components/loading";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";
import { errorCode } from "../../lib/errors";
import { completeSignIn, isSignInLink } from "../../lib/firebase";
import { isEmail } from "../../lib/validate";
import { useAuth } from "./auth-context";
import { pendingEmail } from "./pending-email";
import { linkProblem, type LinkProblem } from "./sign-in-errors";

type Step = { kind: "working" } | { kind: "ask-email"; error?: string } | { kind: "problem"; problem: LinkProblem } | { kind: "done" };

/** Where a freshly opened page starts: not a link at all, a link to finish at once, or one that needs the email. */
function firstStep(href: string): Step {
  if (!isSignInLink(href)) return { kind: "problem", problem: linkProblem("not-a-link") };
  return pendingEmail.read() ? { kind: "working" } : { kind: "ask-email" };
}

export function FinishSignInPage() {
  const navigate = useNavigate();
  const { state } = useAuth();
  // The link is read once: it is removed from the address bar as soon as it has been used.
  const [link] = useState(() => location.href);
  const [step, setStep] = useState<Step>(() => firstStep(link));
  const [email, setEmail] = useState("");
  const started = useRef(false);

  async function complete(address: string, fromOtherDevice: boolean) {
    try {
      await completeSignIn(address, link);
      pendingEmail.clear();
      history.replaceState(null, "", paths.finishSignIn.href());
      setStep({ kind: "done" });
    } catch (error) {
      const code = errorCode(error);
      // A typo on the other-device prompt is worth another try on the same page.
      if (fromOtherDevice && code === "auth/invalid-email") setStep({ kind: "ask-email", error: linkProblem(code).message });
      else setStep({ kind: "problem", problem: linkProblem(code) });
    }
  }

  const completeOnThisDevice = useEffectEvent(() => {
    const stored = pendingEmail.read();
    if (step.kind === "working" && stored) void complete(stored, false);
  });

  useEffect(() => {
    // StrictMode runs effects twice; a link can be used only once.
    if (started.current) return;
    started.current = true;
    completeOnThisDevice();
  }, []);

  // Leave only once the session is resolved, so the home route knows where to send the person.
  useEffect(() => {
    if (step.kind === "done" && (state.phase === "signed-in" || state.phase === "error")) void navigate(paths.home.href(), { replace: true });
  }, [step, state, navigate]);

  if (step.kind === "working" || step.kind === "done") return <Loading label="Signing you in…" />;

  if (step.kind === "problem") {
    return (
      <div className="narrow" data-testid="finish-sign-in-error">
        <PageTitle title={step.problem.title}>{step.problem.title}</PageTitle>
        <p role="alert">{step.problem.message}</p>
        <Link className="button button--primary" to={paths.signIn.href()}>
          Get a new sign-in link
        </Link>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle title="Confirm your email">Confirm your email</PageTitle>
      <p>You opened the link on a different device or browser. Enter the email address the link was sent to.</p>
      <form
        className="card form"
        noValidate
        data-testid="finish-sign-in-email"
        onSubmit={(event) => {
          event.preventDefault();
          const address = email.trim();
          if (!isEmail(address)) setStep({ kind: "ask-email", error: "Enter an email address like name@example.com." });
          else {
            setStep({ kind: "working" });
            void complete(address, true);
          }
        }}
      >
        <Field label="Email address" name="email" type="email" autoComplete="email" required value={email} onValue={setEmail} error={step.error} />
        <button type="submit" className="button button--primary">
          Sign in
        </button>
      </form>
      <p className="muted">
        <Link to={paths.signIn.href()}>Ask for a new link instead</Link>
      </p>
    </div>
  );
}
