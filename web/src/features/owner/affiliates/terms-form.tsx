import { useState } from "react";
import { Field } from "../../../components/field";
import type { OwnerAffiliate } from "../../../types/models";
import { ActionForm } from "../action-form";
import { RecurringPolicyFields } from "../recurring-policy-fields";
import { parsePolicyFields, policyFields } from "../recurring-policy-form";
import { useAction } from "../use-action";

function numberOrNull(text: string): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  return /^\d+$/.test(t) ? Number(t) : "bad";
}

const textOf = (value: number | string | null) => (value === null ? "" : String(value));

/** The affiliate's own terms; an empty field falls back to the program's setting. */
export function TermsForm({ affiliate }: { affiliate: OwnerAffiliate }) {
  const [rate, setRate] = useState(textOf(affiliate.rateBps));
  const [cookieDays, setCookieDays] = useState(textOf(affiliate.cookieDays));
  const [discountCode, setDiscountCode] = useState(textOf(affiliate.discountCode));
  const [slug, setSlug] = useState(textOf(affiliate.slug));
  const [note, setNote] = useState(affiliate.note);
  const [policy, setPolicy] = useState(() => policyFields(affiliate.recurringPolicy));
  const [policyError, setPolicyError] = useState<string | undefined>(undefined);
  const action = useAction();
  const [local, setLocal] = useState<string | null>(null);
  return (
    <ActionForm
      card={false}
      testId="terms-form"
      action={action}
      submit={{ label: "Save terms", testId: "terms-save" }}
      messageTestId="terms-message"
      onSubmit={async () => {
        const rateBps = numberOrNull(rate);
        const days = numberOrNull(cookieDays);
        const recurring = parsePolicyFields(policy);
        setPolicyError(recurring.ok ? undefined : recurring.error);
        if (rateBps === "bad" || days === "bad") {
          setLocal("Rate and cookie days are whole numbers (rate in basis points: 5000 = 50%).");
          return;
        }
        if (!recurring.ok) return;
        setLocal(null);
        await action.run(
          "updateAffiliate",
          { affiliateId: affiliate.id, rateBps, cookieDays: days, discountCode: discountCode.trim() || null, slug: slug.trim() || null, note, recurringPolicy: recurring.value },
          "Saved. New terms apply to future sales only; subscriptions already credited keep their policy.",
        );
      }}
    >
      <Field label="Commission rate (basis points, empty = program default)" name="rateBps" value={rate} onValue={setRate} testId="terms-rate" hint="5000 = 50%. Past commissions keep their rate." />
      <Field label="Cookie window in days (empty = program default)" name="cookieDays" value={cookieDays} onValue={setCookieDays} testId="terms-cookie" />
      <Field label="Discount code" name="discountCode" value={discountCode} onValue={setDiscountCode} maxLength={40} testId="terms-discount" />
      <Field label="Readable slug for links" name="slug" value={slug} onValue={setSlug} maxLength={32} testId="terms-slug" hint="3–32 lower-case letters, digits or dashes." />
      <RecurringPolicyFields value={policy} onValue={setPolicy} error={policyError} inheritLabel="The program's policy" testId="terms-recurring" />
      <Field label="Note (only you see it)" name="note" value={note} onValue={setNote} multiline maxLength={1000} />
      {local ? <p className="notice tone-error">{local}</p> : null}
    </ActionForm>
  );
}
