import { chromium, type Browser, type Page } from "playwright-core";
import { db, HOSTING } from "./emulator";

const AUTH_EMULATOR = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099"}`;

// HeadlessChrome counts as a bot for click tracking, so pages get an ordinary desktop user agent.
export { DESKTOP_UA } from "../../scripts/lib/clicks";

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", ...extraArgs],
  });
}

interface OobCode {
  email: string;
  oobLink: string;
  requestType: string;
}

/** The newest email sign-in link the Auth emulator "sent" to this address. */
export async function latestSignInLink(email: string, after = 0): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${AUTH_EMULATOR}/emulator/v1/projects/demo-affiliates/oobCodes`);
    const { oobCodes } = (await res.json()) as { oobCodes: OobCode[] };
    const mine = oobCodes.filter((c) => c.email === email && c.requestType === "EMAIL_SIGNIN");
    const link = mine.length > after ? mine[mine.length - 1]?.oobLink : undefined;
    if (link) return link;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no sign-in link for ${email}`);
}

export async function signInLinkCount(email: string): Promise<number> {
  const res = await fetch(`${AUTH_EMULATOR}/emulator/v1/projects/demo-affiliates/oobCodes`);
  const { oobCodes } = (await res.json()) as { oobCodes: OobCode[] };
  return oobCodes.filter((c) => c.email === email && c.requestType === "EMAIL_SIGNIN").length;
}

/**
 * Every browser suite signs people in from this one machine, the owner many times an hour: more than
 * the per-client and per-address limits let a real visitor ask. Those limits have their own suite
 * (tests/integration/public); here their counters are cleared first, so whether a sign-in passes
 * does not depend on how many suites ran before it.
 */
async function clearSignInLimits(): Promise<void> {
  const counters = await db().collection("rateLimits").where("scope", "in", ["sign-in-client", "sign-in-email-client", "sign-in-email"]).get();
  await Promise.all(counters.docs.map((counter) => counter.ref.delete()));
}

/** Asks the portal for a link, as a person would, and returns it once the Auth emulator has it. */
export async function requestSignInLink(page: Page, email: string): Promise<string> {
  await clearSignInLimits();
  const before = await signInLinkCount(email);
  await page.goto(`${HOSTING}/sign-in`);
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-form").locator("button[type=submit]").click();
  // The signInLink callable answers once the link is made and its mail queued (or refused).
  const notice = page.getByTestId("sign-in-notice").locator("p");
  await notice.waitFor({ timeout: 60_000 });
  if ((await notice.getAttribute("data-kind")) !== "sent") throw new Error(`no sign-in link for ${email}: ${await notice.textContent()}`);
  return latestSignInLink(email, before);
}

/** Same-device sign-in: request the link and open it in the same browser context. */
export async function signIn(page: Page, email: string): Promise<void> {
  const link = await requestSignInLink(page, email);
  await page.goto(link);
}
