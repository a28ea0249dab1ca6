import { HttpsError } from "firebase-functions/https";
import { describe, expect, it } from "vitest";
import { callables } from "../../../contracts/callables/index.js";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";
import * as deployed from "../index.js";
import { parseInput, toHttpsError } from "./define.js";

describe("the callables and their contracts", () => {
  it("every deployed callable has a contract under its name, and every contract is deployed", () => {
    const callableExports = Object.entries(deployed)
      .filter(([, fn]) => "__endpoint" in fn && "callableTrigger" in fn.__endpoint)
      .map(([name]) => name)
      .sort();
    expect(callableExports).toEqual(Object.keys(callables).sort());
  });
});

describe("toHttpsError", () => {
  it.each<[DomainErrorCode, string]>([
    ["not-found", "not-found"],
    ["conflict", "already-exists"],
    ["failed-precondition", "failed-precondition"],
    ["invalid-input", "invalid-argument"],
    ["unauthenticated", "unauthenticated"],
    ["permission-denied", "permission-denied"],
    ["rate-limited", "resource-exhausted"],
  ])("turns a %s refusal into %s, keeping its message and details", (code, httpsCode) => {
    const mapped = toHttpsError(new DomainError(code, "No such thing.", { reason: "x" }));
    expect(mapped).toBeInstanceOf(HttpsError);
    expect(mapped).toMatchObject({ code: httpsCode, message: "No such thing.", details: { reason: "x" } });
  });

  it("leaves any other error alone (the callable answers INTERNAL without its message)", () => {
    const bug = new TypeError("undefined is not a function");
    expect(toHttpsError(bug)).toBe(bug);
  });
});

describe("parseInput", () => {
  it("names the fields that failed, never their values", () => {
    const parse = () => parseInput(callables.reattributeOrder, { orderKey: "a/b", affiliateId: "secret value!" });
    expect(parse).toThrow(DomainError);
    expect(parse).toThrow(/^Invalid input\. orderKey: .+; affiliateId: .+/);
    expect(parse).not.toThrow(/secret value/);
  });
});
