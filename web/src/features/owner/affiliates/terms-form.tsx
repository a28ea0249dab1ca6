import { useState } from "react";
import { Field } from "../../../components/field";
import { bpsToPercentText, percentTextToBps } from "../../../lib/units";
import type { OwnerAffiliate } from "../../../types/models";
import { ActionForm } from "../action-form";
import { useAction } from "../use-action";

/** Empty means "the program's setting"; otherwise `read` turns the text into the stored number. */
function numberOrNull(text: string, read: (text: string) => number | null): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  return read(t) ?? "bad";
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);

const textOf = (value: number | string | null) => (value === null ? "" : String(value));

/** The affiliate's own terms; an empty field falls back to the program's setting. */
export function TermsForm({ affiliate }: { affiliate: OwnerAffiliate }) {
  const [rate, setRate] = useState(affiliate.rateBps === null ? "" : bpsToPercentText(affiliate.rateBps));
  const [cookieDays, setCookieDays] = useState(textOf(affiliate.cookieDays));
  const [discountCode, setDiscountCode] = useState(textOf(affiliate.discountCode));
  const [slug, setSlug] = useState(textOf(affiliate.slug));
  const [note, setNote] = useState(affiliate.note);
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
        const rateBps = numberOrNull(rate, percentTextToBps);
        const days = numberOrNull(cookieDays, wholeNumber);
        if (rateBps === "bad" || days === "bad") {
          setLocal("The rate is a percentage with at most two decimals (like 50 or 12.5); cookie days a whole number.");
          return;
        }
        setLocal(null);
        await action.run("updateAffiliate", { affiliateId: affiliate.id, rateBps, cookieDays: days, discountCode: discountCode.trim() || null, slug: slug.trim() || null, note }, "Saved. New terms apply to future sales only.");
      }}
    >
      <Field label="Commission rate in % (empty = program default)" name="rateBps" value={rate} onValue={setRate} testId="terms-rate" hint="Like 50 or 12.5. Past commissions keep their rate." />
      <Field label="Cookie window in days (empty = program default)" name="cookieDays" value={cookieDays} onValue={setCookieDays} testId="terms-cookie" />
      <Field label="Discount code" name="discountCode" value={discountCode} onValue={setDiscountCode} maxLength={40} testId="terms-discount" />
      <Field label="Readable slug for links" name="slug" value={slug} onValue={setSlug} maxLength={32} testId="terms-slug" hint="3–32 lower-case letters, digits or dashes." />
      <Field label="Note (only you see it)" name="note" value={note} onValue={setNote} multiline maxLength={1000} />
      {local ? <p className="notice tone-error">{local}</p> : null}
    </ActionForm>
  );
}
