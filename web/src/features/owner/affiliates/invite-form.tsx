import { useState } from "react";
import { Field } from "../../../components/field";
import { ActionMessage } from "../action-message";
import { useAction } from "../use-action";

export function InviteForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const { state, run, busy } = useAction();
  return (
    <form
      className="card form"
      data-testid="invite-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await run("inviteAffiliate", { email: email.trim(), name: name.trim() }, "Invitation sent: the affiliate is active and gets a welcome email.");
        if (result !== undefined) {
          setEmail("");
          setName("");
        }
      }}
    >
      <Field label="Email" name="invite-email" type="email" value={email} onValue={setEmail} required testId="invite-email" />
      <Field label="Name" name="invite-name" value={name} onValue={setName} required maxLength={100} testId="invite-name" />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Inviting…" : "Invite affiliate"}
      </button>
      <ActionMessage state={state} testId="invite-message" />
    </form>
  );
}
