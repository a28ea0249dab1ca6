// The demo program `npm start` seeds: three courses, active, pending and disabled affiliates, and
// orders on every platform, some refunded, some old enough to be payable, one self-referral and a
// few that nobody is credited for.

export const DEMO_OWNER = { email: "owner@demo.test", uid: "owner-demo" };

export const DEMO_AFFILIATES = [
  { id: "aff_Ada9x2KqLmT4", email: "ada@demo.test", name: "Ada Lovelace", status: "active", slug: "ada", rateBps: null },
  { id: "aff_Grace4TnW8Rb", email: "grace@demo.test", name: "Grace Hopper", status: "active", slug: "grace", rateBps: 4000 },
  { id: "aff_Linus7Qp3Zx", email: "linus@demo.test", name: "Linus T.", status: "pending", slug: null, rateBps: null },
  { id: "aff_Mallory1Vw5", email: "mallory@demo.test", name: "Mallory", status: "disabled", slug: null, rateBps: null },
] as const;

export const [ADA, GRACE, LINUS, MALLORY] = DEMO_AFFILIATES;

export const DEMO_COURSES = [
  {
    id: "typescript",
    name: "TypeScript from Scratch",
    siteUrl: "http://127.0.0.1:5000/sample/course.html",
    productIds: { paddle: ["pro_demo_ts"], "paddle-classic": [], lemonsqueezy: ["1"] },
  },
  {
    id: "react",
    name: "React in Depth",
    siteUrl: "http://127.0.0.1:5000/sample/course.html?course=react",
    productIds: { paddle: [], "paddle-classic": ["3"], lemonsqueezy: ["2"] },
  },
  {
    id: "firebase",
    name: "Firebase for Founders",
    siteUrl: "http://127.0.0.1:5000/sample/course.html?course=firebase",
    productIds: { paddle: ["pro_demo_fb"], "paddle-classic": [], lemonsqueezy: [] },
  },
] as const;

export const DEMO_SETTINGS = {
  name: "Course Lab Affiliates",
  defaultRateBps: 5000,
  refundWindowDays: 30,
  cookieDays: 30,
  payoutThresholdMinor: 5000,
  discountCode: "FRIEND10",
};

export const daysAgo = (days: number, now = Date.now()): string => new Date(now - days * 86_400_000).toISOString();
