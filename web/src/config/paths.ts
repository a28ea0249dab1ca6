// The one place route strings live (with the ones the functions share, in contracts/).
import { FINISH_SIGN_IN_PATH } from "../../../contracts/portal-paths";

export const paths = {
  home: { path: "/", href: () => "/" },
  signIn: { path: "/sign-in", href: () => "/sign-in" },
  finishSignIn: { path: FINISH_SIGN_IN_PATH, href: () => FINISH_SIGN_IN_PATH },
  notApproved: { path: "/not-approved", href: () => "/not-approved" },
  apply: { path: "/apply", href: () => "/apply" },
  dashboard: { path: "/dashboard", href: () => "/dashboard" },
  owner: { path: "/owner", href: () => "/owner" },
} as const;

/** Served by the `redirect` function through the Hosting rewrite `/r/**`. */
export function referralHref(origin: string, affiliateRef: string, courseId: string): string {
  return `${origin}/r/${encodeURIComponent(affiliateRef)}/${encodeURIComponent(courseId)}`;
}
