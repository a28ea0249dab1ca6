/*
 * Affiliate tracking for a course site. Served minified as /t.js; included with one tag:
 *   <script src="https://APP/t.js" data-endpoint="https://APP/c" defer></script>
 * Optional data attributes: data-params ("affiliateId,aff,ref,via"), data-cookie-days (30),
 * data-cookie-domain (auto), data-cookie-name ("aff_id"), data-course (sent with the click).
 *
 * First touch wins: the cookie is written only when none holds a valid id, so a later affiliate
 * link takes over only once the cookie has expired. The id reaches checkout through Lemon Squeezy
 * links (checkout[custom][affiliateId]) and Paddle (customData, or passthrough JSON on Classic).
 * One global: window.AffTrack = { id(), paddle(opts) }. Nothing here may throw into the host page.
 * Each page load whose URL carries a valid id sends one beacon {a: id, u: page URL without query,
 * c: data-course} to data-endpoint; reloads are folded into uniques on the server.
 * Safari caps cookies written by script at 7 days, which is why the id also goes into checkout
 * custom data: a purchase in the same visit is attributed whatever happens to the cookie.
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
  const valid = (v) => /^(?!__.*__$)[\w-]{3,64}$/.test(v || "");
  const name = cfg.cookieName || "aff_id";
  const endpoint = cfg.endpoint;
  const KEY = "checkout[custom][affiliateId]";
  let urlId, id;

  // The cookie name is configuration, not input, so it is used in the pattern as given.
  const read = () => {
    const v = (d.cookie.match("(^|; )" + name + "=([^;]*)") || [])[2];
    return valid(v) ? v : null;
  };
  const write = (domain) => {
    d.cookie =
      name + "=" + urlId + "; Max-Age=" + (((+cfg.cookieDays || 30) * 86400) | 0) + "; Path=/; SameSite=Lax" +
      // "https:" > "https" > "http:": the shortest test for an https page (the size budget is tight).
      (L.protocol > "https" ? "; Secure" : "") + (domain ? "; Domain=" + domain : "");
    return read() == urlId;
  };

  // Every step is guarded on its own: a tracker must never break the page it is on, and a
  // blocked cookie jar must not stop the id reaching checkout through the links.
  try {
    const q = new URLSearchParams(L.search);
    urlId = (cfg.params || "affiliateId,aff,ref,via").split(",").map((p) => q.get(p.trim())).find(valid);
    id = read();
    if (!id && urlId) {
      // Registrable domain: try the shortest parent first. Browsers refuse a public suffix (co.uk,
      // com.au, web.app, github.io...) as Domain, so the first one that sticks is the site's own.
      // IPs and single-label hosts (localhost) get a host-only cookie.
      const host = L.hostname;
      const labels = host.split(".");
      const given = cfg.cookieDomain;
      (given ? [given] : /^[\d.]+$|:|^[^.]+$/.test(host) ? [] : labels.map((_, i) => labels.slice(~i - 1).join(".")))
        .concat("")
        .some(write);
    }
  } catch (e) {}
  id = id || urlId || null;

  const tagLinks = () => {
    if (id)
      for (const a of d.querySelectorAll('a[href*="lemonsqueezy.com/checkout"],.lemonsqueezy-button[href]')) {
        try {
          const url = new URL(a.href);
          if (!url.searchParams.has(KEY)) {
            url.searchParams.set(KEY, id);
            a.href = url.href;
          }
        } catch (e) {}
      }
  };

  // Classic checkouts name a `product` and carry `passthrough` text; Billing checkouts take
  // `items`/`transactionId` and a `customData` object. A seller who sets their own passthrough
  // keeps it untouched and adds AffTrack.id() to it themselves. Ids are [A-Za-z0-9_-] only, so the
  // hand-built JSON needs no escaping.
  const paddle = (opts) => {
    const o = Object.assign({}, opts);
    if (id) {
      if (o.product || "passthrough" in o) o.passthrough = o.passthrough || '{"affiliateId":"' + id + '"}';
      // An affiliateId the seller already put in customData wins.
      else o.customData = Object.assign({ affiliateId: id }, o.customData);
    }
    return o;
  };

  // Paddle.js may load after us or be re-initialised, so wrap again at load and just before any
  // click handler runs (capture phase), which is when checkouts are opened.
  const wrapPaddle = () => {
    try {
      const c = w.Paddle.Checkout;
      const open = c.open;
      if (open.call && !open.aff) {
        (c.open = function (opts) {
          return open.call(this, opts ? paddle(opts) : opts);
        }).aff = 1;
      }
    } catch (e) {}
  };

  w.AffTrack = { id: () => id, paddle };
  try {
    tagLinks();
    wrapPaddle();
    new MutationObserver(tagLinks).observe(d, { childList: true, subtree: true, attributeFilter: ["href"] });
    d.addEventListener("click", wrapPaddle, true);
    addEventListener("load", wrapPaddle);
    if (urlId && endpoint) {
      const body = new URLSearchParams({ a: urlId, u: L.origin + L.pathname, c: cfg.course || "" });
      if (!navigator.sendBeacon(endpoint, body)) {
        fetch(endpoint, { method: "POST", body, keepalive: true }).catch(() => {});
      }
    }
  } catch (e) {}
})();
