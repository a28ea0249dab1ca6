import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { TRIGGER_WAIT } from "../integration/owner/helpers";

/**
 * The owner's payable row for an affiliate once it shows `minor`. payableNow is a callable, not a
 * listener, so the page is refreshed until the trigger has moved the ledger.
 */
export async function payableRowShowing(owner: Page, affiliateId: string, minor: string): Promise<Locator> {
  const payable = owner.locator(`[data-testid=payable-row][data-affiliate-id="${affiliateId}"]`);
  await expect
    .poll(
      async () => {
        if ((await payable.count()) > 0) return payable.getAttribute("data-minor");
        await owner.getByTestId("payable-refresh").click();
        return null;
      },
      { timeout: TRIGGER_WAIT, interval: 1000 },
    )
    .toBe(minor);
  return payable;
}
