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

  it("lets unit tests beside pure code use test helpers", async () => {
    expect(await boundaryErrors("functions/src/webhooks/paddle/verify.test.ts", 'import { signPaddle } from "../../../../scripts/lib/webhook-signatures.js";')).toEqual([]);
  });
});
