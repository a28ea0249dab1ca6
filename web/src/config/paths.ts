// The one place route strings live.
export const paths = {
  home: { path: "/", href: () => "/" },
  signIn: { path: "/sign-in", href: () => "/sign-in" },
  finishSignIn: { path: "/finish-sign-in", href: () => "/finish-sign-in" },
  notApproved: { path: "/not-approved", href: () => "/not-approved" },
  apply: { path: "/apply", href: () => "/apply" },
  dashboard: { path: "/dashboard", href: () => "/dashboard" },
  owner: { path: "/owner", href: () => "/owner" },
} as const;

/** Served by the `redirect` function through the Hosting rewrite `/r/**`. */
export function referralHref(origin: string, affiliateRef: string, courseId: string): string {
  return `${origin}/r/${encodeURIComponent(affiliateRef)}/${encodeURIComponent(courseId)}`;
}
