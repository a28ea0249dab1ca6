import { isEmail, isWebUrl } from "../../lib/validate";

export interface Application {
  name: string;
  email: string;
  website: string;
  promotion: string;
}

export const APPLICATION_LIMITS = { name: 100, website: 300, promotion: 2000, promotionMin: 20 } as const;

export type ApplicationErrors = Partial<Record<keyof Application, string>>;

/** Trims every field; a bare domain gets https:// so "mysite.com" is accepted as people type it. */
export function normaliseApplication(input: Application): Application {
  const website = input.website.trim();
  return {
    name: input.name.trim(),
    email: input.email.trim(),
    website: website !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(website) ? `https://${website}` : website,
    promotion: input.promotion.trim(),
  };
}

export function validateApplication(app: Application): ApplicationErrors {
  const errors: ApplicationErrors = {};
  if (app.name === "") errors.name = "Enter your name.";
  else if (app.name.length > APPLICATION_LIMITS.name) errors.name = `Keep your name under ${APPLICATION_LIMITS.name} characters.`;

  if (app.email === "") errors.email = "Enter your email address.";
  else if (!isEmail(app.email)) errors.email = "Enter an email address like name@example.com.";

  if (app.website === "") errors.website = "Enter the website or channel where you will promote the courses.";
  else if (app.website.length > APPLICATION_LIMITS.website || !isWebUrl(app.website)) errors.website = "Enter a web address like https://example.com.";

  if (app.promotion.length < APPLICATION_LIMITS.promotionMin) errors.promotion = `Tell us a little more (at least ${APPLICATION_LIMITS.promotionMin} characters).`;
  else if (app.promotion.length > APPLICATION_LIMITS.promotion) errors.promotion = `Keep this under ${APPLICATION_LIMITS.promotion} characters.`;
  return errors;
}
