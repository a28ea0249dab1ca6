import { useState } from "react";
import type { PADDLE_DISCOUNT_LOOKUPS } from "../../../../../contracts/callables/update-affiliate";
import { Field } from "../../../components/field";
import { bpsToPercentText, percentTextToBps } from "../../../lib/units";
import type { Course, OwnerAffiliate } from "../../../types/models";
import { ActionForm } from "../action-form";
import { RecurringPolicyFields } from "../recurring-policy-fields";
import { parsePolicyFields, policyFields } from "../recurring-policy-form";
import { useAction } from "../use-action";

/** Empty means "the program's setting"; otherwise `read` turns the text into the stored number. */
function numberOrNull(text: string, read: (text: string) => number | null): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  return read(t) ?? "bad";
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);

const textOf = (value: number | string | null) => (value === null ? "" : String(value));

/** Per-course rates as typed; courses left empty fall back to the affiliate's rate. */
function courseRatesOf(texts: Record<string, string>): Record<string, number> | "bad" {
  const out: Record<string, number> = {};
  for (const [courseId, text] of Object.entries(texts)) {
    const t = text.trim();
    if (t === "") continue;
    const bps = percentTextToBps(t);
    if (bps === null) return "bad";
    out[courseId] = bps;
  }
  return out;
}

type PaddleDiscountLookup = (typeof PADDLE_DISCOUNT_LOOKUPS)[number];

/** What saving found out about the code's Paddle Billing discount (functions/src/reconcile/discount-codes.ts). */
const PADDLE_LOOKUP_NOTES: Readonly<Record<PaddleDiscountLookup, (id: string) => string>> = {
  entered: () => "",
  none: () => "",
  off: () => "",
  found: (id) => ` Paddle's discount ${id} has this code: Paddle sales with it credit this affiliate.`,
  not_found: () => " Paddle has no active discount with this code yet: create it in Paddle and save again, or enter its dsc_… id.",
  failed: () => " Paddle's API did not answer, so Paddle sales with this code credit nobody yet: save again later, or enter its dsc_… id.",
};

/** The affiliate's own terms; an empty field falls back to the program's setting. */
export function TermsForm({ affiliate, courses }: { affiliate: OwnerAffiliate; courses: Course[] }) {
  const [rate, setRate] = useState(affiliate.rateBps === null ? "" : bpsToPercentText(affiliate.rateBps));
  const [cookieDays, setCookieDays] = useState(textOf(affiliate.cookieDays));
  const [discountCode, setDiscountCode] = useState(textOf(affiliate.discountCode));
  const [paddleDiscountId, setPaddleDiscountId] = useState(textOf(affiliate.paddleDiscountId));
  const [codeOnlyApproval, setCodeOnlyApproval] = useState(affiliate.codeOnlyApproval);
  const [courseRates, setCourseRates] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(affiliate.courseRates).map(([id, bps]) => [id, bpsToPercentText(bps)])));
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
        const rateBps = numberOrNull(rate, percentTextToBps);
        const days = numberOrNull(cookieDays, wholeNumber);
        const recurring = parsePolicyFields(policy);
        setPolicyError(recurring.ok ? undefined : recurring.error);
        const perCourse = courseRatesOf(courseRates);
        if (rateBps === "bad" || days === "bad") {
          setLocal("The rate is a percentage with at most two decimals (like 50 or 12.5); cookie days a whole number.");
          return;
        }
        if (!recurring.ok) return;
        if (perCourse === "bad") {
          setLocal("Course rates are percentages from 0 to 100, like 40 or 12.5.");
          return;
        }
        setLocal(null);
        await action.run(
          "updateAffiliate",
          {
            affiliateId: affiliate.id,
            rateBps,
            cookieDays: days,
            discountCode: discountCode.trim() || null,
            discountIds: { paddle: paddleDiscountId.trim() || null },
            codeOnlyApproval,
            courseRates: perCourse,
            slug: slug.trim() || null,
            note,
            recurringPolicy: recurring.value,
          },
          (saved) => `Saved. New terms apply to future sales only; subscriptions already credited keep their policy.${PADDLE_LOOKUP_NOTES[saved.paddleLookup](saved.paddleDiscountId ?? "")}`,
        );
      }}
    >
      <Field label="Commission rate in % (empty = program default)" name="rateBps" value={rate} onValue={setRate} testId="terms-rate" hint="Like 50 or 12.5. Past commissions keep their rate." />
      <Field label="Cookie window in days (empty = program default)" name="cookieDays" value={cookieDays} onValue={setCookieDays} testId="terms-cookie" />
      <Field label="Discount code" name="discountCode" value={discountCode} onValue={setDiscountCode} maxLength={40} testId="terms-discount" hint="One affiliate's, whatever its case. A sale with this code and no referral link is credited to this affiliate." />
      <Field label="Paddle Billing discount id for this code" name="paddleDiscountId" value={paddleDiscountId} onValue={setPaddleDiscountId} maxLength={100} testId="terms-paddle-discount" hint="dsc_… from Paddle → Catalog → Discounts: Paddle's sales name the discount by this id, not by the code. With a Paddle API key set, leave it empty: it is looked up by the code when you save." />
      <label className="field">
        <span>
          <input type="checkbox" name="codeOnlyApproval" checked={codeOnlyApproval} onChange={(e) => setCodeOnlyApproval(e.target.checked)} data-testid="terms-code-approval" /> Hold sales made with the code alone (no referral link) for my approval
        </span>
      </label>
      {courses.map((course) => (
        <Field
          key={course.id}
          label={`Rate on ${course.name} in % (empty = rate above)`}
          name={`courseRate-${course.id}`}
          value={courseRates[course.id] ?? ""}
          onValue={(value) => setCourseRates((all) => ({ ...all, [course.id]: value }))}
          testId={`terms-course-rate-${course.id}`}
        />
      ))}
      <Field label="Readable slug for links" name="slug" value={slug} onValue={setSlug} maxLength={32} testId="terms-slug" hint="3–32 lower-case letters, digits or dashes." />
      <RecurringPolicyFields value={policy} onValue={setPolicy} error={policyError} inheritLabel="The program's policy" testId="terms-recurring" />
      <Field label="Note (only you see it)" name="note" value={note} onValue={setNote} multiline maxLength={1000} />
      {local ? <p className="notice tone-error">{local}</p> : null}
    </ActionForm>
  );
}
