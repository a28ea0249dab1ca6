import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths";

// The import boundaries are only as good as the lint rule that keeps them: for each zone, a
// wrong-way import must fail `npm run lint` and the right-way import beside it must pass. The code
// is linted as if it stood at a real file of the zone, so imports resolve as they would there.

const RULE = "import-x/no-restricted-paths";

// Only the boundary rule runs, so the type-aware parser setup (slow, and unrelated) is switched off.
const eslint = new ESLint({
  cwd: repoRoot,
  ruleFilter: ({ ruleId }) => ruleId === RULE,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

const cases: Array<{ zone: string; file: string; wrong: string; right: string; says: RegExp }> = [
  {
    zone: "a pure module reaching into store/",
    file: "functions/src/emails/order-mails.ts",
    wrong: 'import { syncLedger } from "../store/ledger.js";',
    right: 'import type { OrderRecord } from "../orders/record.js";',
    says: /Pure domain modules/,
  },
  {
    zone: "a pure module importing a Firebase SDK",
    file: "functions/src/money/rounding.ts",
    wrong: 'import { Timestamp } from "firebase-admin/firestore";',
    right: 'import { currencyExponent } from "../../../contracts/currency.js";',
    says: /Pure domain modules/,
  },
  {
    zone: "a webhook parser importing firebase-functions",
    file: "functions/src/webhooks/paddle/parse.ts",
    wrong: 'import { logger } from "firebase-functions";',
    right: 'import { PayloadError } from "../payload-error.js";',
    says: /Pure domain modules/,
  },
  {
    zone: "click classification importing an endpoint",
    file: "functions/src/clicks/classify.ts",
    wrong: 'import { click } from "./endpoint.js";',
    right: 'import { utcDay } from "./visits.js";',
    says: /Pure domain modules/,
  },
  {
    zone: "contracts/ importing the functions",
    file: "contracts/ledger.ts",
    wrong: 'import { shardOf } from "../functions/src/ledger/contribution.js";',
    right: 'import { int } from "./read-fields.js";',
    says: /contracts\/ is shared/,
  },
  {
    zone: "contracts/ importing the portal",
    file: "contracts/ids.ts",
    wrong: 'import { formatMoney } from "../web/src/lib/money";',
    right: 'import type { Platform } from "./platforms.js";',
    says: /contracts\/ is shared/,
  },
  {
    zone: "store/ importing the owner callables",
    file: "functions/src/store/affiliates.ts",
    wrong: 'import { decideOwner } from "../owner/access.js";',
    right: 'import { DomainError } from "../domain/errors.js";',
    says: /store\/ serves/,
  },
  {
    zone: "store/ throwing the callable transport's errors",
    file: "functions/src/store/payouts.ts",
    wrong: 'import { HttpsError } from "firebase-functions/https";',
    right: 'import * as logger from "firebase-functions/logger";',
    says: /store\/ serves/,
  },
  {
    zone: "a trigger talking to Firestore itself",
    file: "functions/src/triggers/on-payout-created.ts",
    wrong: 'import { getFirestore } from "firebase-admin/firestore";',
    right: 'import { readProgramSettings } from "../store/program.js";',
    says: /Only store\/ talks to Firestore/,
  },
  {
    zone: "a callable using the store's Firestore handle",
    file: "functions/src/auth/session.ts",
    wrong: 'import { db } from "../store/firestore.js";',
    right: 'import { readAffiliate } from "../store/affiliates.js";',
    says: /Only store\/ talks to Firestore/,
  },
  {
    zone: "a test reaching into store/",
    file: "tests/integration/order-support.ts",
    wrong: 'import { syncLedger } from "../../functions/src/store/ledger.js";',
    right: 'import { handleOrderWritten } from "../../functions/src/triggers/on-order-written.js";',
    says: /public entry points/,
  },
  {
    zone: "a script reaching into store/",
    file: "scripts/bench/payable.ts",
    wrong: 'import { payableNow } from "../../functions/src/store/payouts";',
    right: 'import { handlePayableNow } from "../../functions/src/owner/payable-now";',
    says: /public entry points/,
  },
  {
    zone: "deployed code importing a test helper",
    file: "functions/src/webhooks/paddle/endpoint.ts",
    wrong: 'import { signPaddle } from "../../../../scripts/lib/webhook-signatures.js";',
    right: 'import { parsePaddleEvent } from "./parse.js";',
    says: /never imports test or script helpers/,
  },
  {
    zone: "a portal feature importing another feature",
    file: "web/src/features/links/links-section.tsx",
    wrong: 'import { useAction } from "../owner/use-action";',
    right: 'import { buildCourseLinks } from "../../lib/course-links";',
    says: /Features do not import each other/,
  },
  {
    zone: "the portal's shared code importing a feature",
    file: "web/src/lib/format.ts",
    wrong: 'import { effectiveStatus } from "../features/commissions/effective-status";',
    right: 'import { dayKey } from "./days";',
    says: /Shared code serves features/,
  },
  {
    zone: "a portal component importing the app",
    file: "web/src/components/section.tsx",
    wrong: 'import { homeFor } from "../app/guards";',
    right: 'import type { Live } from "../hooks/use-live";',
    says: /Only app\/ composes/,
  },
  {
    zone: "a portal feature importing the app",
    file: "web/src/features/auth/sign-in-page.tsx",
    wrong: 'import { RouteError } from "../../app/route-error";',
    right: 'import { paths } from "../../config/paths";',
    says: /Only app\/ composes/,
  },
  {
    zone: "the portal reaching into functions/src",
    file: "web/src/lib/money.ts",
    wrong: 'import * as functions from "../../../functions/src/index";',
    right: 'import { currencyExponent } from "../../../contracts/currency";',
    says: /only through contracts\//,
  },
  {
    zone: "a portal feature importing a Firebase SDK",
    file: "web/src/features/profile/profile-section.tsx",
    wrong: 'import { getFirestore } from "firebase/firestore";',
    right: 'import { updateProfile } from "../../lib/firestore-affiliate";',
    says: /Only lib\/firebase\*\.ts and lib\/firestore\*\.ts/,
  },
  {
    zone: "a portal lib module other than firebase*/firestore* importing a Firebase SDK",
    file: "web/src/lib/errors.ts",
    wrong: 'import { getAuth } from "firebase/auth";',
    right: 'import { isRecord } from "../../../contracts/read-fields";',
    says: /Only lib\/firebase\*\.ts and lib\/firestore\*\.ts/,
  },
];

describe("import boundaries (eslint.config.mjs)", () => {
  // A wrong-way import may break more than one zone (a Firebase SDK in a pure module): each says so.
  it.each(cases)("refuses $zone, and allows the right way", { timeout: 60_000 }, async ({ file, wrong, right, says }) => {
    const refused = await boundaryErrors(file, wrong);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((message) => message.startsWith(RULE))).toBe(true);
    expect(refused).toContainEqual(expect.stringMatching(says));
    expect(await boundaryErrors(file, right)).toEqual([]);
  });

  it("lets the portal's app import features, a feature its own modules, and lib/firestore*.ts the SDK", async () => {
    expect(await boundaryErrors("web/src/app/router.tsx", 'import { SignInPage } from "../features/auth/sign-in-page";')).toEqual([]);
    expect(await boundaryErrors("web/src/features/owner/owner-home.tsx", 'import { useAction } from "./use-action";')).toEqual([]);
    expect(await boundaryErrors("web/src/lib/firestore-owner.ts", 'import { getFirestore } from "firebase/firestore";')).toEqual([]);
    expect(await boundaryErrors("web/src/lib/firebase-callables.ts", 'import { getFunctions } from "firebase/functions";')).toEqual([]);
  });

  it("lets unit tests beside pure code use test helpers", async () => {
    expect(await boundaryErrors("functions/src/webhooks/paddle/verify.test.ts", 'import { signPaddle } from "../../../../scripts/lib/webhook-signatures.js";')).toEqual([]);
  });
});
