import { applyInput, type Application } from "../../../../contracts/callables/apply";

export type { Application };

// The rules are the `apply` callable's own schema; only the words are the form's.
const { name, website, promotion } = applyInput.shape;
export const APPLICATION_LIMITS = { name: name.maxLength ?? undefined, website: website.maxLength ?? undefined, promotion: promotion.maxLength ?? undefined };

export type ApplicationErrors = Partial<Record<keyof Application, string>>;

/** Trims every field; a bare domain gets https:// so "mysite.com" is accepted as people type it. */
export function normaliseApplication(input: Application): Application {
  const site = input.website.trim();
  return {
    name: input.name.trim(),
    email: input.email.trim(),
    website: site !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(site) ? `https://${site}` : site,
    promotion: input.promotion.trim(),
  };
}

type Issue = { code: string; minimum?: unknown; maximum?: unknown };

const MESSAGES: { [K in keyof Application]: (value: string, issue: Issue) => string } = {
  name: (value, issue) => (value === "" ? "Enter your name." : `Keep your name under ${String(issue.maximum)} characters.`),
  email: (value) => (value === "" ? "Enter your email address." : "Enter an email address like name@example.com."),
  website: (value) => (value === "" ? "Enter the website or channel where you will promote the courses." : "Enter a web address like https://example.com."),
  promotion: (_value, issue) => (issue.code === "too_big" ? `Keep this under ${String(issue.maximum)} characters.` : `Tell us a little more (at least ${String(issue.minimum)} characters).`),
};

const isField = (key: PropertyKey | undefined): key is keyof Application => typeof key === "string" && Object.hasOwn(MESSAGES, key);

/** The first problem with each field, in words for the person filling in the form. */
export function validateApplication(app: Application): ApplicationErrors {
  const checked = applyInput.safeParse(app);
  const errors: ApplicationErrors = {};
  for (const issue of checked.error?.issues ?? []) {
    const field = issue.path[0];
    if (isField(field)) errors[field] ??= MESSAGES[field](app[field], issue);
  }
  return errors;
}
