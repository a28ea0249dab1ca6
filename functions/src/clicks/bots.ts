// Decides which requests count as a human click. A miss only inflates click stats (attribution is
// decided by checkout data), so the lists favour obvious automation and link previewers.

/**
 * Crawlers, link previewers, monitors and HTTP libraries, by the token in their user agent. Apps
 * whose in-app browsers name themselves (Pinterest, Snapchat, Instagram) are listed by their bot
 * names only, since people do click links inside those apps.
 */
const KNOWN_AGENTS = new RegExp(
  [
    "googlebot", "google-inspectiontool", "adsbot-google", "mediapartners-google", "storebot-google",
    "bingbot", "bingpreview", "slurp", "duckduckbot", "baiduspider", "yandexbot", "applebot", "petalbot",
    "ahrefsbot", "semrushbot", "mj12bot", "dotbot", "gptbot", "claudebot", "ccbot", "perplexitybot",
    "facebookexternalhit", "facebookcatalog", "meta-externalagent", "twitterbot", "slackbot", "slack-imgproxy",
    "discordbot", "whatsapp", "telegrambot", "linkedinbot", "pinterestbot", "redditbot", "skypeuripreview",
    "embedly", "iframely", "vkshare", "mastodon", "bluesky", "snap url preview", "zoominfobot", "quora link preview",
    "headlesschrome", "phantomjs", "lighthouse", "pingdom", "uptimerobot", "statuscake",
    "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "httpx", "scrapy", "go-http-client",
    "okhttp", "java/", "libwww-perl", "node-fetch", "undici", "axios/", "got (", "httpclient", "postmanruntime",
  ]
    .map((token) => token.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|"),
  "i",
);

/**
 * Generic shapes: "...bot/1.0", "...crawler;", "...spider" and a "+http://..." contact URL, which
 * browsers never put in their user agent. `bot` must be followed by a separator so that phone
 * models such as "CUBOT P30" stay human.
 */
const GENERIC_AGENT = /(?:bot|crawler|spider)(?:[/;+_-]|$)|\+https?:\/\//i;

/**
 * True for automation and link previews. `HeadlessChrome` counts as automation: our own browser
 * tests therefore set a normal desktop user agent on their Chromium context.
 */
export function isBotOrPreview(userAgent: string | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  if (ua.length === 0) return true;
  return KNOWN_AGENTS.test(ua) || GENERIC_AGENT.test(ua);
}

/** Speculative loads (prefetch/prerender) and HEAD requests are not visits. */
export function isPrefetchOrHead(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (method.toUpperCase() === "HEAD") return true;
  const purpose = [headers["sec-purpose"], headers["purpose"], headers["x-moz"]].flat().join(",").toLowerCase();
  return purpose.includes("prefetch") || purpose.includes("prerender");
}
