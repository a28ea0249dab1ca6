/*
 * Affiliate tracking for a course site. Served minified as /t.js; included with one tag:
 *   <script src="https://APP/t.js" data-endpoint="https://APP/c" defer></script>
 * Optional data attributes: data-params ("affiliateId,aff,ref,via"), data-cookie-days (30),
 * data-cookie-domain (auto), data-cookie-name ("aff_id"), data-course (sent with the click),
 * data-apply-code (present: the affiliate's discount code is applied at checkout),
 * data-consent="required" (nothing stored, no beacon, until the page calls AffTrack.consent()).
 *
 * First touch wins: the cookie is written only when none holds a valid id, so a later affiliate
 * link takes over only once the cookie has expired. The cookie holds "id" or "id.CODE": the code
 * comes with the link (?code=, added by /r/ links), and is kept with its id so a second affiliate's
 * link can't slip its code in under the first affiliate's credit. The id reaches checkout through
 * Lemon Squeezy links (checkout[custom][affiliateId]), Stripe Payment Links (client_reference_id)
 * and Paddle (customData, or passthrough JSON on Classic).
 * One global: window.AffTrack = { id(), paddle(opts), consent() }. Nothing here may throw into the
 * host page. Each page load whose URL carries a valid id sends one beacon {a: id, u: page URL
 * without query, c: data-course} to data-endpoint; reloads are folded into uniques on the server.
 * Safari caps cookies written by script at 7 days, which is why the id also goes into checkout
 * custom data: a purchase in the same visit is attributed whatever happens to the cookie; that is
 * also why links are tagged before consent: a URL parameter passed on is not storage.
 * Source stays ES2017 with no dependencies; web/tracking/build.ts minifies it (budget: 1 KiB gzip).
 */
(() => {
  const w = window;
  const d = document;
  const L = location;
  // Included twice would record the click twice.
  if (w.AffTrack) return;
  const cfg = (d.currentScript || {}).dataset || {};
  // contracts/affiliates.ts AFFILIATE_ID, verbatim (build.test.ts holds them equal): an id Firestore
  // cannot store (`__x__`) would otherwise sit in the first-touch cookie and spoil every sale.
  // Discount codes are checked with it too: [A-Za-z0-9_-] needs no escaping and has no "." to split on.
  const valid = (v) => /^(?!__.*__$)[\w-]{3,64}$/.test(v || "");
  let urlId, urlValue, cookie, id, code;

  const read = () => {
    const v = (d.cookie.match(/(^|; )aff_id=([^;]*)/) || [])[2];
    return valid((v || "").split(".")[0]) && v;
  };
  const write = (domain) => {
    d.cookie =
      "aff_id=" + urlValue + "; Max-Age=" + (cfg.cookieDays || 30) * 864e2 + "; Path=/; SameSite=Lax" +
      // "https:" > "https" > "http:": the shortest test for an https page (the size budget is tight).
      (L.protocol > "https" ? "; Secure" : "") + (domain ? "; Domain=" + domain : "");
    return read() == urlValue;
  };

  // Every step is guarded on its own: a tracker must never break the page it is on, and a
  // blocked cookie jar must not stop the id reaching checkout through the links.
  try {
    const q = new URLSearchParams(L.search);
    const c = q.get("code");
    urlId = ["affiliateId", "aff", "ref", "via"].map((p) => q.get(p)).find(valid);
    urlValue = urlId && urlId + (valid(c) ? "." + c : "");
    cookie = read();
  } catch (e) {}
  [id, code] = (cookie || urlValue || "").split(".");
  // Applying a code is the seller's choice: it changes the price the customer sees.
  code = "applyCode" in cfg && code;

  // Classic checkouts name a `product` and carry `passthrough` text and a `coupon`; Billing
  // checkouts take `items`/`transactionId`, a `customData` object and a `discountCode`. A seller
  // who sets their own passthrough keeps it untouched and adds AffTrack.id() to it themselves.
  // Ids are [A-Za-z0-9_-] only, so the hand-built JSON needs no escaping.
  const paddle = (opts) => {
    const o = Object.assign({}, opts);
    if (id) {
      const classic = o.product || "passthrough" in o;
      if (classic) o.passthrough = o.passthrough || '{"affiliateId":"' + id + '"}';
      // An affiliateId the seller already put in customData wins.
      else o.customData = Object.assign({ affiliateId: id }, o.customData);
      if (code) o[classic ? "coupon" : "discountCode"] = code;
    }
    return o;
  };

  // Checkouts are prepared at load and again the moment a visitor presses anything (capture
  // phase, before the page's own handlers and the platforms' overlay scripts run), so links a
  // page builder adds or rewrites later, and a Paddle.js loaded or re-initialised after us, are
  // covered with no observer running. Lemon Squeezy links take checkout[...] fields, Stripe
  // Payment Links client_reference_id and prefilled_promo_code; an id already in a link wins.
  const arm = () => {
    if (id)
      for (const a of d.querySelectorAll('[href*="lemonsqueezy.com/checkout"],.lemonsqueezy-button,[href*="buy.stripe.com"]')) {
        try {
          const url = new URL(a.href);
          const p = url.searchParams;
          const stripe = url.host == "buy.stripe.com";
          const k = stripe ? "client_reference_id" : "checkout[custom][affiliateId]";
          p.has(k) || p.set(k, id);
          code && p.set(stripe ? "prefilled_promo_code" : "checkout[discount_code]", code);
          a.href = url.href;
        } catch (e) {}
      }
    try {
      const c = Paddle.Checkout;
      const open = c.open;
      if (!open.aff) {
        (c.open = function (opts) {
          return open.call(this, opts && paddle(opts));
        }).aff = 1;
      }
    } catch (e) {}
  };

  // Storage and the beacon wait for consent where the seller asks for it; calling it again does nothing.
  const consent = () => {
    try {
      if (!cookie && urlId) {
        // Registrable domain: try the shortest parent first. Browsers refuse a public suffix (co.uk,
        // com.au, web.app, github.io...) as Domain, so the first one that sticks is the site's own.
        // On an IP or a single-label host (localhost) only the host itself is accepted, as host-only.
        const labels = L.hostname.split(".");
        labels.map((_, i) => labels.slice(~i - 1).join(".")).concat("").some(write);
      }
      if (urlId && cfg.endpoint) {
        navigator.sendBeacon(cfg.endpoint, new URLSearchParams({ a: urlId, u: L.origin + L.pathname, c: cfg.course || "" }));
      }
    } catch (e) {}
    urlId = 0;
  };

  w.AffTrack = { id: () => id || null, paddle, consent };
  try {
    if (cfg.consent != "required") consent();
    arm();
    ["load", "pointerdown", "click"].map((e) => addEventListener(e, arm, true));
  } catch (e) {}
})();
