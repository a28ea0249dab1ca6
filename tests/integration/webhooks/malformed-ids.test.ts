// Issue 11, finding 5: a referral id that cannot name a Firestore document (`__x__`, `.`, `..`, one
// with `/`, one over 1,500 bytes) is "malformed". The sale is recorded unattributed with that
// reason, never a 500 on every retry, on every platform.
import { orderKeyOf } from "../../../contracts/ids";
import { describe, expect, it } from "vitest";
import { lemonSqueezyEvent, paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { uniqueId } from "../../support/emulator";
import { deliver, resign, settled, type Json } from "./support";

type Sale = { orderKey: string; request: SignedRequest };

function paddleSale(ref: string): Sale {
  const txn = uniqueId("txn_mf");
  const request = resign(paddleTransactionCompleted({ transactionId: txn, totalMinor: 12000, taxMinor: 2000, feeMinor: 0, customerId: uniqueId("ctm_mf") }), (body) => {
    (body.data as Json).custom_data = { affiliateId: ref };
  });
  return { orderKey: orderKeyOf("paddle", txn), request };
}

function lsSale(ref: string): Sale {
  const orderId = uniqueId("ls_mf");
  const request = resign(lemonSqueezyEvent("order_created", { orderId, subtotalMinor: 10000 }), (body) => {
    (body.meta as Json).custom_data = { aff: ref };
  });
  return { orderKey: orderKeyOf("lemonsqueezy", orderId), request };
}

function classicSale(passthrough: string): Sale {
  const orderId = uniqueId("cl_mf");
  const request = resign(
    paddleClassicPayment({ alertId: uniqueId("al_mf"), orderId, saleGross: "100.00", paymentTax: "0.00", balanceEarnings: "100.00", balanceFee: "0.00" }),
    (fields) => (fields.passthrough = passthrough),
  );
  return { orderKey: orderKeyOf("paddle-classic", orderId), request };
}

describe("referral ids that cannot name a document (finding 5)", () => {
  it("are recorded as malformed on every platform, first delivery and retry alike", async () => {
    const long = "a".repeat(2000);
    const cases: Array<{ label: string; sale: Sale; candidate: string }> = [
      { label: "paddle __x__", sale: paddleSale("__x__"), candidate: "__x__" },
      { label: "paddle ..", sale: paddleSale(".."), candidate: ".." },
      { label: "paddle over 1,500 bytes", sale: paddleSale(long), candidate: long.slice(0, 64) },
      { label: "ls __abc__", sale: lsSale("__abc__"), candidate: "__abc__" },
      { label: "ls .", sale: lsSale("."), candidate: "." },
      { label: "classic bare __x__", sale: classicSale("__x__"), candidate: "__x__" },
      { label: "classic json a/b", sale: classicSale(JSON.stringify({ affiliateId: "a/b" })), candidate: "a/b" },
    ];
    await Promise.all(cases.map((c) => deliver(c.sale.request, "applied")));
    // The platform's retry changes nothing.
    await Promise.all(cases.map((c) => deliver(c.sale.request, "duplicate")));
    for (const c of cases) {
      const { order, commission } = await settled(c.sale.orderKey);
      expect({ label: c.label, affiliateId: order.affiliateId, commission: order.commissionMinor, gross: order.grossMinor > 0 }).toEqual({
        label: c.label,
        affiliateId: null,
        commission: 0,
        gross: true,
      });
      expect(order.attribution, c.label).toMatchObject({ affiliateId: null, rule: "payload_ref", reason: "malformed", candidate: c.candidate });
      expect(commission, c.label).toBeNull();
    }
    // Seven orders on three endpoints whose workers may start cold on a shared machine.
  }, 180_000);
});
