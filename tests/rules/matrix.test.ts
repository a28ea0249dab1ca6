// One test per cell of the matrix in ./matrix.ts. Read-only cells share one seed; the only writes
// the rules allow (an active affiliate editing their own profile fields) are idempotent.
import { afterAll, beforeAll, describe, it } from "vitest";
import { keyedCells, sharedCells } from "./matrix";
import { expectRule, keyedOperation, sharedOperation, startRulesSuite, type RulesSuite } from "./rules-env";

let suite: RulesSuite;

beforeAll(async () => {
  suite = await startRulesSuite();
});

afterAll(async () => {
  await suite.teardown();
});

describe("per-affiliate collections", () => {
  it.each(keyedCells)("$collection: $role $op -> $expect", async ({ collection, role, op, expect }) => {
    await expectRule(expect, keyedOperation(suite.db(role), collection, role, op));
  });
});

describe("shared collections", () => {
  it.each(sharedCells)("$collection: $role $op -> $expect", async ({ collection, role, op, expect }) => {
    await expectRule(expect, sharedOperation(suite.db(role), collection, op));
  });
});
