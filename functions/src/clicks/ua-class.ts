// A coarse device class kept on each click instead of the user agent, which is too identifying.

export type UaClass = "mobile" | "tablet" | "desktop";

// Android tablets omit "Mobile"; iPadOS 13+ says "Macintosh" and is counted as desktop, which is
// what it asks sites to treat it as.
const TABLET = /ipad|tablet|kindle|silk\/|playbook|android(?!.*mobi)/i;
const MOBILE = /mobi|iphone|ipod|android|blackberry|bb10|opera mini|iemobile|windows phone/i;

export function uaClass(userAgent: string): UaClass {
  if (TABLET.test(userAgent)) return "tablet";
  if (MOBILE.test(userAgent)) return "mobile";
  return "desktop";
}
