import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { adminEmulatorEnv } from "../lib/emulators";
import { PROJECT_ID } from "../lib/paths";
import {
  classicTime,
  lemonSqueezyEvent,
  paddleAdjustment,
  paddleClassicPayment,
  paddleClassicRefund,
  paddleCustomer,
  paddleTransactionCompleted,
  post,
  type SignedRequest,
} from "../lib/webhooks";
import { stripeDemoEvents } from "./stripe-demo";
import { ADA, DEMO_AFFILIATES, DEMO_COURSES, DEMO_OWNER, DEMO_SETTINGS, GRACE, daysAgo } from "./demo-data";

export function adminApp() {
  Object.assign(process.env, adminEmulatorEnv());
  return getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
}

/** Program, courses and people, written directly: the owner console would do the same through callables. */
export async function seedProgram(): Promise<void> {
  const app = adminApp();
  const db = getFirestore(app);
  const auth = getAuth(app);
  await db.doc("settings/program").set(DEMO_SETTINGS);
  await db.doc("settings/owner").set({ notifyEmails: [] });
  for (const { id, ...course } of DEMO_COURSES) await db.doc(`courses/${id}`).set(course);
  const users = [{ uid: DEMO_OWNER.uid, email: DEMO_OWNER.email }, ...DEMO_AFFILIATES.map((a) => ({ uid: a.id, email: a.email }))];
  for (const user of users) {
    await auth.createUser({ ...user, emailVerified: true }).catch((err: { code?: string }) => {
      if (err.code !== "auth/uid-already-exists" && err.code !== "auth/email-already-exists") throw err;
    });
  }
  for (const a of DEMO_AFFILIATES) {
    await db.doc(`affiliates/${a.id}`).set({
      email: a.email,
      name: a.name,
      displayName: a.name,
      payoutEmail: a.email,
      status: a.status,
      rateBps: a.rateBps,
      slug: a.slug,
      cookieDays: null,
      discountCode: null,
      website: "https://example.com",
      promotion: "Newsletter and YouTube",
      note: "",
      createdAt: new Date(),
    });
    if (a.slug) await db.doc(`slugs/${a.slug}`).set({ affiliateId: a.id });
  }
}

/** Orders, refunds and a chargeback, sent as signed webhooks through Hosting, as the platforms would. */
export function demoEvents(): SignedRequest[] {
  return [
    lemonSqueezyEvent("order_created", { orderId: "1001", affiliateId: ADA.id, subtotalMinor: 9900, createdAt: daysAgo(45) }),
    lemonSqueezyEvent("order_created", { orderId: "1002", affiliateId: ADA.id, subtotalMinor: 14900, createdAt: daysAgo(12) }),
    lemonSqueezyEvent("order_refunded", {
      orderId: "1002",
      affiliateId: ADA.id,
      subtotalMinor: 14900,
      refundedMinor: 4900,
      createdAt: daysAgo(12),
      updatedAt: daysAgo(10),
    }),
    lemonSqueezyEvent("order_created", {
      orderId: "1003",
      affiliateId: GRACE.id,
      subtotalMinor: 4900,
      productId: "2",
      productName: "React in Depth",
      createdAt: daysAgo(3),
    }),
    lemonSqueezyEvent("order_created", { orderId: "1004", affiliateId: ADA.id, subtotalMinor: 9900, email: ADA.email, createdAt: daysAgo(2) }),
    paddleCustomer("ctm_demo_1", "paddle.student@example.com", "Paddle Student"),
    paddleTransactionCompleted({
      transactionId: "txn_demo_1",
      affiliateId: ADA.id,
      customerId: "ctm_demo_1",
      totalMinor: 11800,
      taxMinor: 1800,
      feeMinor: 590,
      occurredAt: daysAgo(35),
    }),
    paddleTransactionCompleted({
      transactionId: "txn_demo_2",
      affiliateId: GRACE.id,
      productId: "pro_demo_fb",
      productName: "Firebase for Founders",
      totalMinor: 23600,
      taxMinor: 3600,
      feeMinor: 1050,
      occurredAt: daysAgo(8),
    }),
    paddleAdjustment({ adjustmentId: "adj_demo_1", transactionId: "txn_demo_2", action: "refund", totalMinor: 23600, earningsMinor: 18950 }),
    paddleTransactionCompleted({ transactionId: "txn_demo_3", totalMinor: 11800, taxMinor: 1800, feeMinor: 590, occurredAt: daysAgo(5) }),
    paddleTransactionCompleted({
      transactionId: "txn_demo_4",
      affiliateId: GRACE.id,
      totalMinor: 11800,
      taxMinor: 1800,
      feeMinor: 590,
      occurredAt: daysAgo(20),
    }),
    paddleAdjustment({ adjustmentId: "adj_demo_cb", transactionId: "txn_demo_4", action: "chargeback", totalMinor: 11800, earningsMinor: 9410 }),
    paddleClassicPayment({
      alertId: "900001",
      orderId: "5001",
      affiliateId: ADA.id,
      saleGross: "79.00",
      paymentTax: "0.00",
      balanceEarnings: "74.55",
      balanceFee: "4.45",
      eventTime: classicTime(new Date(daysAgo(40))),
    }),
    paddleClassicPayment({
      alertId: "900002",
      orderId: "5002",
      affiliateId: "nobody-like-this",
      saleGross: "79.00",
      paymentTax: "0.00",
      balanceEarnings: "74.55",
      balanceFee: "4.45",
    }),
    paddleClassicPayment({
      alertId: "900003",
      orderId: "5003",
      affiliateId: GRACE.id,
      saleGross: "79.00",
      paymentTax: "0.00",
      balanceEarnings: "74.55",
      balanceFee: "4.45",
      eventTime: classicTime(new Date(daysAgo(6))),
    }),
    paddleClassicRefund({ alertId: "900004", orderId: "5003", grossRefund: "20.00", balanceEarningsDecrease: "18.87" }),
    ...stripeDemoEvents(),
  ];
}

export async function seedOrders(): Promise<void> {
  // Any arrival order gives the same result, so the events go a few at a time.
  await postAll(demoEvents());
}

/** Posts the requests a few at a time (a platform delivers in parallel too), failing on any non-200. */
export async function postAll(requests: readonly SignedRequest[], parallel = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      if (!request) return;
      const res = await post(request);
      if (!res.ok) throw new Error(`seeding ${request.path} failed: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export async function isSeeded(): Promise<boolean> {
  const snap = await getFirestore(adminApp()).doc("settings/program").get();
  return snap.exists;
}
