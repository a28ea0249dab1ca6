import type { SyncPlatform } from "../../../contracts/sync.js";
import { apiAccess, headersFor, type ApiAccess } from "./api-keys.js";
import { DEFAULT_POLICY, getJson, VendorApiError, type HttpPolicy } from "./http.js";
import { discountOfRedemptions, invoicePage, orderPage, subscriptionPage } from "./lemonsqueezy-records.js";
import { adjustmentPage, discountIdOfCode, transactionPage } from "./paddle-records.js";
import type { SyncPage } from "./records.js";

// The two API clients the sync reads pages through. Pages are addressed by URL: the first is built
// here, the next comes from the platform (Paddle `meta.pagination.next`, Lemon Squeezy `links.next`)
// and is stored as the run's cursor. A platform with several lists chains them: the page after a
// list's last is the next list's first, so one cursor still says where a run stands. The key is
// only ever sent to the configured base URL.

/** Paddle lists at most 30 transactions and 200 adjustments a page; Lemon Squeezy 100 of anything. */
const PADDLE_PER_PAGE = 30;
const PADDLE_ADJUSTMENTS_PER_PAGE = 200;
const LEMON_SQUEEZY_PER_PAGE = 100;

export interface SyncSource {
  platform: SyncPlatform;
  firstPage(from: string): string;
  fetchPage(url: string, from: string): Promise<SyncPage>;
}

function checkedUrl(access: ApiAccess, url: string): string {
  if (!url.startsWith(`${access.baseUrl}/`)) throw new VendorApiError(`refusing to send the API key to ${new URL(url).origin}: not the configured API`, null);
  return url;
}

export function sourceFor(access: ApiAccess, policy: HttpPolicy = DEFAULT_POLICY): SyncSource {
  const get = (url: string) => getJson(checkedUrl(access, url), headersFor(access), policy);
  if (access.platform === "paddle") {
    // Adjustments can be listed by id only, newest first (see paddle-records.ts).
    const adjustments = `${access.baseUrl}/adjustments?order_by=id[DESC]&per_page=${PADDLE_ADJUSTMENTS_PER_PAGE}`;
    return {
      platform: "paddle",
      // Oldest change first, so the latest `updated_at` seen is always a safe place to start again.
      firstPage: (from) => `${access.baseUrl}/transactions?status=completed&updated_at[GTE]=${encodeURIComponent(from)}&order_by=updated_at[ASC]&per_page=${PADDLE_PER_PAGE}`,
      fetchPage: async (url, from) => {
        if (url.startsWith(`${access.baseUrl}/adjustments`)) return adjustmentPage(await get(url), from);
        // Sales first, then the refunds and chargebacks on them, so a refund usually finds its sale.
        const page = transactionPage(await get(url));
        return { ...page, next: page.next ?? adjustments };
      },
    };
  }
  // Orders, then subscriptions (linking each to its first order), then their invoices (renewals,
  // credited through that link): each list walked newest first back to `from`, then the next.
  const first = (path: string) => `${access.baseUrl}/v1/${path}?page[number]=1&page[size]=${LEMON_SQUEEZY_PER_PAGE}`;
  const lists = [
    { path: "orders", read: orderPage },
    { path: "subscriptions", read: subscriptionPage },
    { path: "subscription-invoices", read: invoicePage },
  ] as const;
  return {
    platform: "lemonsqueezy",
    firstPage: () => first(lists[0].path),
    fetchPage: async (url, from) => {
      const index = lists.findIndex((l) => url.startsWith(`${access.baseUrl}/v1/${l.path}?`));
      const current = lists[index];
      if (current === undefined) throw new VendorApiError(`not a list the sync reads: ${new URL(url).pathname}`, null);
      const page = current.read(await get(url), from);
      const following = lists[index + 1];
      return { ...page, next: page.next ?? (following ? first(following.path) : null) };
    },
  };
}

/** The client for a platform whose key is set, else null (reconciliation is off for it). */
export function syncSource(platform: SyncPlatform): SyncSource | null {
  const access = apiAccess(platform);
  return access === null ? null : sourceFor(access);
}

/** The id of the Paddle Billing discount with this code; null when Paddle has none. */
export async function paddleDiscountIdFor(access: ApiAccess, code: string, policy: HttpPolicy = DEFAULT_POLICY): Promise<string | null> {
  return discountIdOfCode(await getJson(`${access.baseUrl}/discounts?code=${encodeURIComponent(code)}`, headersFor(access), policy), code);
}

/** The discount a Lemon Squeezy order used, from its redemptions; null when it has none. */
export async function lemonSqueezyDiscount(access: ApiAccess, orderId: string, policy: HttpPolicy = DEFAULT_POLICY) {
  const url = `${access.baseUrl}/v1/discount-redemptions?filter[order_id]=${encodeURIComponent(orderId)}`;
  return discountOfRedemptions(await getJson(url, headersFor(access), policy));
}
