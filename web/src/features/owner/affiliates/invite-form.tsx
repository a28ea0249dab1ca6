import { useState } from "react";
import { Field } from "../../../components/field";
import { ActionForm } from "../action-form";
import { useAction } from "../use-action";

export function InviteForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const action = useAction();
  return (
    <ActionForm
      testId="invite-form"
      action={action}
      submit={{ label: "Invite affiliate", busyLabel: "Inviting…" }}
      messageTestId="invite-message"
      onSubmit={async () => {
        const result = await action.run("inviteAffiliate", { email: email.trim(), name: name.trim() }, "Invitation sent: the affiliate is active and gets a welcome email.");
        if (result !== undefined) {
          setEmail("");
          setName("");
        }
      }}
    >
      <Field label="Email" name="invite-email" type="email" value={email} onValue={setEmail} required testId="invite-email" />
      <Field label="Name" name="invite-name" value={name} onValue={setName} required maxLength={100} testId="invite-name" />
    </ActionForm>
  );
}
