import { describe, expect, test } from "vitest";
import { programSettings } from "../../../contracts/program-settings";
import { db } from "../../support/emulator";
import { call, ownerIdToken } from "./helpers";

describe("program settings", () => {
  // The settings are shared with every other suite, so the test saves them back unchanged.
  test("the owner saves settings/program through the callable, audited", async () => {
    const { idToken } = await ownerIdToken();
    const owner = (await db().doc("settings/owner").get()).data();
    const current = programSettings({ ...(await db().doc("settings/program").get()).data(), ...(owner ? { notifyEmails: owner.notifyEmails } : {}) });
    expect(await call("saveProgramSettings", current, idToken)).toMatchObject({ status: 200, data: { ok: true } });
    const { updatedAt: _at, ...stored } = (await db().doc("settings/program").get()).data() ?? {};
    // Who else gets sale emails is the owner's: settings/owner, which affiliates cannot read.
    const { notifyEmails, ...terms } = current;
    expect(stored).toEqual(terms);
    expect((await db().doc("settings/owner").get()).get("notifyEmails")).toEqual(notifyEmails);
    const audit = await db().collection("audit").where("target.collection", "==", "settings").where("action", "==", "saveProgramSettings").get();
    expect(audit.docs.some((d) => JSON.stringify(d.get("after")) === JSON.stringify(current))).toBe(true);
  });

  test("the recurring-payments policy is saved with the settings and a policy without its limit is refused", async () => {
    const { idToken } = await ownerIdToken();
    const owner = (await db().doc("settings/owner").get()).data();
    const current = programSettings({ ...(await db().doc("settings/program").get()).data(), ...(owner ? { notifyEmails: owner.notifyEmails } : {}) });
    try {
      expect(await call("saveProgramSettings", { ...current, recurringPolicy: { kind: "payments", limit: 6 } }, idToken)).toMatchObject({ status: 200 });
      expect((await db().doc("settings/program").get()).get("recurringPolicy")).toEqual({ kind: "payments", limit: 6 });
      expect(await call("saveProgramSettings", { ...current, recurringPolicy: { kind: "payments" } }, idToken)).toMatchObject({ status: 400 });
      expect((await db().doc("settings/program").get()).get("recurringPolicy")).toEqual({ kind: "payments", limit: 6 });
    } finally {
      await call("saveProgramSettings", current, idToken);
    }
  });
});
