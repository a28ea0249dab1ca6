import { describe, expect, test } from "vitest";
import { isBotOrPreview, isPrefetchOrHead } from "./bots.js";

const CHROME_DESKTOP =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("isBotOrPreview", () => {
  test.each([
    ["Chrome desktop", CHROME_DESKTOP],
    ["Safari iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"],
    ["Firefox Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"],
    ["Edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"],
    ["CUBOT phone (bot inside a model name)", "Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"],
    ["Instagram in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.0 (iPhone14,5; iOS 17_1; en_US)"],
    ["Pinterest in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]"],
    ["Snapchat in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.60.0.46 (like Safari/8617.1.17.10.9, panda)"],
    ["Yandex Browser", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 YaBrowser/24.1.0.0 Safari/537.36"],
  ])("%s is human", (_name, ua) => {
    expect(isBotOrPreview(ua)).toBe(false);
  });

  test.each([
    ["empty", ""],
    ["missing", undefined],
    ["blank", "   "],
    ["Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["bingbot", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"],
    ["facebookexternalhit", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["Slackbot", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["Twitterbot", "Twitterbot/1.0"],
    ["Discordbot", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"],
    ["WhatsApp", "WhatsApp/2.23.20.0 A"],
    ["TelegramBot", "TelegramBot (like TwitterBot)"],
    ["LinkedInBot", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"],
    ["curl", "curl/8.5.0"],
    ["wget", "Wget/1.21.4"],
    ["python-requests", "python-requests/2.32.3"],
    ["HeadlessChrome", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"],
    ["Node undici", "undici"],
    ["Pinterestbot", "Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)"],
    ["Snapchat preview", "Mozilla/5.0 (compatible; Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots)"],
    ["Mastodon preview", "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)"],
    ["generic crawler", "ExampleCrawler; contact admin@example.com"],
    ["unknown bot with contact URL", "Mozilla/5.0 (compatible; SomeFetcher/1.0; +https://example.com/fetcher)"],
  ])("%s is a bot or preview", (_name, ua) => {
    expect(isBotOrPreview(ua)).toBe(true);
  });
});

describe("isPrefetchOrHead", () => {
  test.each([
    ["GET", {}, false],
    ["HEAD", {}, true],
    ["head", {}, true],
    ["GET", { "sec-purpose": "prefetch" }, true],
    ["GET", { "sec-purpose": "prefetch;prerender" }, true],
    ["GET", { purpose: "prefetch" }, true],
    ["GET", { "x-moz": "prefetch" }, true],
    ["GET", { "sec-purpose": undefined }, false],
    ["POST", { "sec-fetch-mode": "no-cors" }, false],
  ] as const)("%s %o → %s", (method, headers, expected) => {
    expect(isPrefetchOrHead(method, headers)).toBe(expected);
  });
});
