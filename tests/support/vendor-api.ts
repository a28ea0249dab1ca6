import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerStripe } from "./stripe-api";

// A stand-in for the Paddle Billing and Lemon Squeezy APIs, answering in their documented shapes
// (Paddle's OpenAPI description: `data` + `meta.pagination` {per_page, next, has_more,
// estimated_total}, `after` cursors, `updated_at[GTE]` filters, `order_by`; Lemon Squeezy's JSON:API:
// `data`, `links` {first, last, next}, `meta.page` {currentPage, from, lastPage, perPage, to, total},
// `page[number]`/`page[size]`, `filter[order_id]`), with the errors they document: 401 for a wrong
// key, 429 with `Retry-After`, and 5xx. The functions reach it through PADDLE_API_BASE_URL and
// LEMONSQUEEZY_API_BASE_URL (functions/.env.demo-affiliates), so it listens on that fixed port.

export const VENDOR_API_PORT = 4590;
/** The demo keys of functions/.secret.local.example. */
const KEYS = { paddle: "pdl_demo_local_only_api_key", lemonsqueezy: "ls_demo_local_only_api_key" };

export interface LemonSqueezyApiOrder {
  type: "orders";
  id: string;
  attributes: Record<string, unknown>;
}

/** Any Lemon Squeezy resource as its API lists it (`subscriptions`, `subscription-invoices`). */
export interface LemonSqueezyApiResource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
}

export interface Redemption {
  discount_id: number;
  discount_code: string;
  amount: number;
}

/** An answer to give instead of the real one, `times` times, to requests whose path+query matches. */
export interface Failure {
  match: RegExp;
  status: number;
  times: number;
  retryAfter?: string;
}

export interface VendorApi {
  base: string;
  /** Paddle transaction entities (any order; listed by `updated_at` as asked). */
  transactions: Array<Record<string, unknown>>;
  /** Paddle discounts, listed by `GET /discounts?code=…` (active ones, as Paddle lists by default). */
  discounts: Array<{ id: string; code: string | null; status?: "active" | "archived" }>;
  /** Paddle adjustment entities (listed by id, as `order_by=id[ASC|DESC]` asks). */
  adjustments: Array<Record<string, unknown>>;
  /** Lemon Squeezy orders, listed newest first by `created_at`. */
  orders: LemonSqueezyApiOrder[];
  /** Lemon Squeezy subscriptions and subscription invoices, listed newest first likewise. */
  subscriptions: LemonSqueezyApiResource[];
  invoices: LemonSqueezyApiResource[];
  redemptions: Map<string, Redemption[]>;
  failures: Failure[];
  /** Every request's path and query, in order, with the status answered. */
  log: Array<{ url: string; status: number }>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** One page of a Paddle list, after the `after` cursor, with the next page's URL in `meta.pagination`. */
function paddlePage(api: VendorApi, url: URL, listed: Array<Record<string, unknown>>, perPage: number): unknown {
  const after = url.searchParams.get("after");
  const start = after === null ? 0 : listed.findIndex((entity) => entity["id"] === after) + 1;
  const data = listed.slice(start, start + perPage);
  const next = new URL(url.href);
  const last = data.at(-1);
  if (last) next.searchParams.set("after", String(last["id"]));
  return {
    data,
    meta: {
      request_id: `req_${Date.now()}`,
      pagination: { per_page: perPage, next: `${api.base}${next.pathname}${next.search}`, has_more: start + perPage < listed.length, estimated_total: listed.length },
    },
  };
}

function paddleTransactions(api: VendorApi, url: URL): unknown {
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? "30"), 30);
  const since = url.searchParams.get("updated_at[GTE]");
  const status = url.searchParams.get("status");
  const listed = api.transactions
    .filter((t) => (status === null || t["status"] === status) && (since === null || Date.parse(String(t["updated_at"])) >= Date.parse(since)))
    .sort((a, b) => Date.parse(String(a["updated_at"])) - Date.parse(String(b["updated_at"])) || String(a["id"]).localeCompare(String(b["id"])));
  return paddlePage(api, url, listed, perPage);
}

/** `GET /adjustments`: filters `action`, `status`, `transaction_id`; ordered by id only, as Paddle documents. */
function paddleAdjustments(api: VendorApi, url: URL): unknown {
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? "50"), 200);
  const matches = (entity: Record<string, unknown>, field: string) => {
    const wanted = url.searchParams.get(field);
    return wanted === null || wanted.split(",").includes(String(entity[field]));
  };
  const descending = url.searchParams.get("order_by") === "id[DESC]";
  const listed = api.adjustments
    .filter((a) => matches(a, "action") && matches(a, "status") && matches(a, "transaction_id"))
    .sort((a, b) => String(a["id"]).localeCompare(String(b["id"])) * (descending ? -1 : 1));
  return paddlePage(api, url, listed, perPage);
}

/** `GET /discounts`: filters `code` and `status` (comma-separated; `active` when absent), as Paddle documents. */
function paddleDiscounts(api: VendorApi, url: URL): unknown {
  const codes = url.searchParams.get("code")?.split(",") ?? null;
  const statuses = (url.searchParams.get("status") ?? "active").split(",");
  const listed = api.discounts
    .filter((d) => statuses.includes(d.status ?? "active") && (codes === null || (d.code !== null && codes.includes(d.code))))
    .map((d) => ({
      id: d.id,
      status: d.status ?? "active",
      description: `Affiliate discount ${d.code ?? ""}`,
      enabled_for_checkout: true,
      code: d.code,
      type: "percentage",
      mode: "standard",
      amount: "15",
      currency_code: null,
      recur: false,
      maximum_recurring_intervals: null,
      usage_limit: null,
      restrict_to: null,
      expires_at: null,
      times_used: 0,
      custom_data: null,
      import_meta: null,
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
    }));
  return paddlePage(api, url, listed, 50);
}

/** A Lemon Squeezy list (orders, subscriptions, subscription invoices): newest first by `created_at`, as documented. */
function lemonSqueezyList(api: VendorApi, url: URL, resources: readonly LemonSqueezyApiResource[]): unknown {
  const size = Math.min(Number(url.searchParams.get("page[size]") ?? "10"), 100);
  const number = Number(url.searchParams.get("page[number]") ?? "1");
  const sorted = [...resources].sort((a, b) => Date.parse(String(b.attributes["created_at"])) - Date.parse(String(a.attributes["created_at"])));
  const lastPage = Math.max(1, Math.ceil(sorted.length / size));
  const page = (n: number) => `${api.base}${url.pathname}?page[number]=${n}&page[size]=${size}`;
  const data = sorted.slice((number - 1) * size, number * size);
  return {
    meta: { page: { currentPage: number, from: (number - 1) * size + 1, lastPage, perPage: size, to: (number - 1) * size + data.length, total: sorted.length } },
    jsonapi: { version: "1.0" },
    links: { first: page(1), last: page(lastPage), ...(number < lastPage ? { next: page(number + 1) } : {}), ...(number > 1 ? { prev: page(number - 1) } : {}) },
    data,
  };
}

function redemptions(api: VendorApi, url: URL): unknown {
  const orderId = url.searchParams.get("filter[order_id]") ?? "";
  return {
    meta: { page: { currentPage: 1, from: 1, lastPage: 1, perPage: 10, to: 1, total: 1 } },
    jsonapi: { version: "1.0" },
    data: (api.redemptions.get(orderId) ?? []).map((r, i) => ({
      type: "discount-redemptions",
      id: `${orderId}${i}`,
      attributes: { discount_id: r.discount_id, order_id: Number(orderId), discount_name: r.discount_code, discount_code: r.discount_code, discount_amount: r.amount, discount_amount_type: "fixed", amount: r.amount, created_at: "2026-01-01T00:00:00.000000Z", updated_at: "2026-01-01T00:00:00.000000Z" },
    })),
  };
}

function answer(api: VendorApi, req: IncomingMessage, res: ServerResponse): number {
  const url = new URL(req.url ?? "/", api.base);
  if (url.pathname.startsWith("/stripe/")) return answerStripe(req, res, url, api.failures);
  const target = `${url.pathname}${url.search}`;
  const failure = api.failures.find((f) => f.times > 0 && f.match.test(decodeURIComponent(target)));
  if (failure) {
    failure.times--;
    send(res, failure.status, { error: { type: "request_error", code: failure.status === 429 ? "too_many_requests" : "internal_error", detail: "stand-in failure" } }, failure.retryAfter ? { "retry-after": failure.retryAfter } : {});
    return failure.status;
  }
  const platform = url.pathname.startsWith("/paddle/") ? "paddle" : url.pathname.startsWith("/lemonsqueezy/") ? "lemonsqueezy" : null;
  if (platform === null) return (send(res, 404, { error: "not found" }), 404);
  if (req.headers.authorization !== `Bearer ${KEYS[platform]}`) {
    send(res, 401, platform === "paddle" ? { error: { type: "request_error", code: "authentication_malformed", detail: "bad key" } } : { errors: [{ status: "401", title: "Unauthenticated." }] });
    return 401;
  }
  if (url.pathname === "/paddle/transactions") return (send(res, 200, paddleTransactions(api, url)), 200);
  if (url.pathname === "/paddle/adjustments") return (send(res, 200, paddleAdjustments(api, url)), 200);
  if (url.pathname === "/paddle/discounts") return (send(res, 200, paddleDiscounts(api, url)), 200);
  if (url.pathname === "/lemonsqueezy/v1/orders") return (send(res, 200, lemonSqueezyList(api, url, api.orders)), 200);
  if (url.pathname === "/lemonsqueezy/v1/subscriptions") return (send(res, 200, lemonSqueezyList(api, url, api.subscriptions)), 200);
  if (url.pathname === "/lemonsqueezy/v1/subscription-invoices") return (send(res, 200, lemonSqueezyList(api, url, api.invoices)), 200);
  if (url.pathname === "/lemonsqueezy/v1/discount-redemptions") return (send(res, 200, redemptions(api, url)), 200);
  send(res, 404, { error: "not found" });
  return 404;
}

/** Starts the stand-in on 127.0.0.1 (the fixed port the functions are configured with, unless `port` says otherwise). */
export async function startVendorApi(port = VENDOR_API_PORT): Promise<VendorApi> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const api: VendorApi = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    transactions: [],
    adjustments: [],
    discounts: [],
    orders: [],
    subscriptions: [],
    invoices: [],
    redemptions: new Map(),
    failures: [],
    log: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const status = answer(api, req, res);
    api.log.push({ url: req.url ?? "", status });
  });
  return api;
}
