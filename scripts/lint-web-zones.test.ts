import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The portal's import zones (eslint.config.mjs) as `npm run lint` applies them: each case lints a
// real file's path with one import line and expects the zone to reject it, or to let it through.

const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

async function zoneErrors(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = [value];\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message);
}

describe("portal import zones", () => {
  it.each([
    ["a feature importing another feature", "web/src/features/links/links-section.tsx", 'import { useAction as value } from "../owner/use-action";', "Features do not import each other"],
    ["shared code importing a feature", "web/src/lib/format.ts", 'import { effectiveStatus as value } from "../features/commissions/effective-status";', "Shared code serves features"],
    ["a component importing the app", "web/src/components/section.tsx", 'import { homeFor as value } from "../app/guards";', "Only app/ composes"],
    ["a feature importing the app", "web/src/features/auth/sign-in-page.tsx", 'import { RouteError as value } from "../../app/route-error";', "Only app/ composes"],
    ["the portal reaching into functions/src", "web/src/lib/money.ts", 'import * as value from "../../../functions/src/index";', "only through contracts/"],
    ["a feature importing a Firebase SDK", "web/src/features/profile/profile-section.tsx", 'import { getFirestore as value } from "firebase/firestore";', "Only lib/firebase*.ts and lib/firestore*.ts"],
    ["a lib module other than firebase*/firestore* importing a Firebase SDK", "web/src/lib/errors.ts", 'import { getAuth as value } from "firebase/auth";', "Only lib/firebase*.ts and lib/firestore*.ts"],
  ])("rejects %s", async (_label, filePath, importLine, message) => {
    const errors = await zoneErrors(filePath, importLine);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ["a feature importing its own modules", "web/src/features/owner/owner-home.tsx", 'import { useAction as value } from "./use-action";'],
    ["a feature importing shared code", "web/src/features/links/links-section.tsx", 'import { buildCourseLinks as value } from "../../lib/course-links";'],
    ["the app importing a feature", "web/src/app/router.tsx", 'import { SignInPage as value } from "../features/auth/sign-in-page";'],
    ["lib/firestore-owner.ts importing the Firestore SDK", "web/src/lib/firestore-owner.ts", 'import { getFirestore as value } from "firebase/firestore";'],
  ])("allows %s", async (_label, filePath, importLine) => {
    expect(await zoneErrors(filePath, importLine)).toEqual([]);
  });
}, 120_000);
