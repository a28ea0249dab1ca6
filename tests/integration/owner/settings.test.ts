import { describe, expect, test } from "vitest";
import { programSettings } from "../../../contracts/program-settings";
import { db } from "../../support/emulator";
import { call, ownerIdToken } from "./helpers";

describe("program settings", () => {
  // The settings are shared with every other suite, so the test saves them back unchanged.
  test("the owner saves settings/program through the callable, audited", async () => {
    const { idToken } = await ownerIdToken();
    const current = programSettings((await db().doc("settings/program").get()).data());
    expect(await call("saveProgramSettings", current, idToken)).toMatchObject({ status: 200, data: { ok: true } });
    const { updatedAt: _at, ...stored } = (await db().doc("settings/program").get()).data() ?? {};
    expect(stored).toEqual(current);
    const audit = await db().collection("audit").where("target.collection", "==", "settings").where("action", "==", "saveProgramSettings").get();
    expect(audit.docs.some((d) => JSON.stringify(d.get("after")) === JSON.stringify(current))).toBe(true);
  });
});
