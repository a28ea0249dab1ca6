import { useState } from "react";
import { Link } from "react-router-dom";
import { Field } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";
import { errorCode, errorMessage } from "../../lib/errors";
import { call } from "../../lib/firebase-callables";
import { APPLICATION_LIMITS, normaliseApplication, validateApplication, type Application, type ApplicationErrors } from "./validate-application";

function submitError(error: unknown): string {
  switch (errorCode(error)) {
    case "functions/invalid-argument":
      return `Please check the form: ${errorMessage(error)}`;
    case "functions/already-exists":
      return "An application for this email address already exists. We will be in touch.";
    case "functions/resource-exhausted":
      return "Too many applications were sent from here. Please try again later.";
    default:
      return "We could not send your application. Check your connection and try again.";
  }
}

/** `signedInEmail` prefills the form for someone who signed in before applying. */
export function ApplyPage({ signedInEmail }: { signedInEmail: string }) {
  const [form, setForm] = useState<Application>({ name: "", email: signedInEmail, website: "", promotion: "" });
  const [errors, setErrors] = useState<ApplicationErrors>({});
  const [status, setStatus] = useState<{ kind: "idle" | "sending" | "sent" } | { kind: "error"; message: string }>({ kind: "idle" });

  const set = (key: keyof Application) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const application = normaliseApplication(form);
    const found = validateApplication(application);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: "error", message: "Please correct the highlighted fields." });
      return;
    }
    setStatus({ kind: "sending" });
    try {
      await call("apply", application);
      setStatus({ kind: "sent" });
    } catch (error) {
      setStatus({ kind: "error", message: submitError(error) });
    }
  }

  if (status.kind === "sent") {
    return (
      <div className="narrow" data-testid="apply-success">
        <PageTitle title="Application sent">Thanks, your application is in</PageTitle>
        <p role="status">We will review it and email {form.email.trim()} with the outcome. Once approved, sign in with that address to see your links and earnings.</p>
        <Link className="button" to={paths.signIn.href()}>
          Go to sign in
        </Link>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle title="Apply">Become an affiliate</PageTitle>
      <p>Tell us who you are and how you would promote the courses. Approved affiliates earn a commission on every sale they refer.</p>
      <form className="card form" onSubmit={submit} noValidate data-testid="apply-form" aria-busy={status.kind === "sending"}>
        <Field label="Your name" name="name" autoComplete="name" required maxLength={APPLICATION_LIMITS.name} value={form.name} onValue={set("name")} error={errors.name} />
        <Field label="Email address" name="email" type="email" autoComplete="email" required value={form.email} onValue={set("email")} error={errors.email} hint="Sign in with this address once you are approved." />
        <Field label="Website or channel" name="website" type="url" autoComplete="url" required maxLength={APPLICATION_LIMITS.website} value={form.website} onValue={set("website")} error={errors.website} hint="Your site, blog, YouTube channel or newsletter." />
        <Field
          label="How will you promote the courses?"
          name="promotion"
          multiline
          required
          maxLength={APPLICATION_LIMITS.promotion}
          value={form.promotion}
          onValue={set("promotion")}
          error={errors.promotion}
          hint="Your audience, how big it is, and where the links would appear."
        />
        <button type="submit" className="button button--primary" disabled={status.kind === "sending"}>
          {status.kind === "sending" ? "Sending…" : "Send application"}
        </button>
        <div aria-live="polite">
          {status.kind === "error" ? (
            <p className="notice tone-error" data-testid="apply-error">
              {status.message}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
