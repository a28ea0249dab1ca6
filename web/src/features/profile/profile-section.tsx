import { useState } from "react";
import { Field } from "../../components/field";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import type { Live } from "../../hooks/use-live";
import { errorCode } from "../../lib/errors";
import { updateProfile } from "../../lib/firestore-affiliate";
import { formatBps, formatDate } from "../../lib/format";
import type { AffiliateProfile, StoredProgramSettings, ProfileUpdate } from "../../types/models";
import { MAX_DISPLAY_NAME, normaliseProfile, validateProfile, type ProfileErrors } from "./validate-profile";
import "./profile-section.css";

function ProfileForm({ profile }: { profile: AffiliateProfile }) {
  // Seeded once: later snapshots must not overwrite what the person is typing.
  const [form, setForm] = useState<ProfileUpdate>({ displayName: profile.displayName, payoutEmail: profile.payoutEmail });
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed" | "denied">("idle");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const update = normaliseProfile(form);
    const found = validateProfile(update);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStatus("saving");
    try {
      await updateProfile(profile.id, update);
      setForm(update);
      setStatus("saved");
    } catch (error) {
      setStatus(errorCode(error) === "permission-denied" ? "denied" : "failed");
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="profile-form" aria-busy={status === "saving"}>
      <Field
        label="Display name"
        name="displayName"
        autoComplete="nickname"
        maxLength={MAX_DISPLAY_NAME}
        value={form.displayName}
        onValue={(displayName) => setForm((f) => ({ ...f, displayName }))}
        error={errors.displayName}
        hint={`How the program owner sees you (up to ${MAX_DISPLAY_NAME} characters).`}
        testId="profile-display-name"
      />
      <Field
        label="Payout email"
        name="payoutEmail"
        type="email"
        autoComplete="email"
        value={form.payoutEmail}
        onValue={(payoutEmail) => setForm((f) => ({ ...f, payoutEmail }))}
        error={errors.payoutEmail}
        hint="Where payouts are sent, e.g. your PayPal address. Leave empty to use your sign-in email."
        testId="profile-payout-email"
      />
      <button type="submit" className="button button--primary" disabled={status === "saving"}>
        {status === "saving" ? "Saving…" : "Save profile"}
      </button>
      <p role="status" className="profile__status" data-testid="profile-status">
        {status === "saved" ? "Saved." : status === "failed" ? "Could not save. Check your connection and try again." : status === "denied" ? "You cannot change these details right now." : ""}
      </p>
    </form>
  );
}

export function ProfileSection({ profile, program }: { profile: Live<AffiliateProfile | null>; program: StoredProgramSettings | null }) {
  return (
    <Section title="Profile" testId="profile">
      <LiveStatus live={profile} what="profile" />
      {profile.status === "ready" && profile.data === null ? <p className="muted">Your profile could not be found.</p> : null}
      {profile.status === "ready" && profile.data !== null ? (
        <div className="profile">
          <ProfileForm key={profile.data.id} profile={profile.data} />
          <dl className="profile__facts">
            <dt>Sign-in email</dt>
            <dd>{profile.data.email || "—"}</dd>
            <dt>Name</dt>
            <dd>{profile.data.name || "—"}</dd>
            <dt>Commission rate</dt>
            <dd data-testid="profile-rate">
              {profile.data.rateBps !== null ? formatBps(profile.data.rateBps) : program?.defaultRateBps != null ? `${formatBps(program.defaultRateBps)} (program default)` : "Program default"}
            </dd>
            <dt>Cookie period</dt>
            <dd>{(profile.data.cookieDays ?? program?.cookieDays) != null ? `${profile.data.cookieDays ?? program?.cookieDays} days` : "—"}</dd>
            <dt>Link name</dt>
            <dd>{profile.data.slug ?? profile.data.id}</dd>
            <dt>Website</dt>
            <dd>{profile.data.website || "—"}</dd>
            <dt>Member since</dt>
            <dd>{formatDate(profile.data.createdAt)}</dd>
          </dl>
        </div>
      ) : null}
    </Section>
  );
}
