import { describe, expect, it } from "vitest";
import * as deployed from "../index.js";
import { MAX_INSTANCES } from "./instances.js";

// Every function the internet can call (HTTPS endpoints and callables) has an instance ceiling, and
// so does the click fold, so no flood can scale the bill without bound.
describe("instance ceilings", () => {
  const endpoints = Object.entries(deployed).map(([name, fn]) => ({ name, endpoint: fn.__endpoint }));

  it("every HTTPS function and callable declares maxInstances from MAX_INSTANCES", () => {
    const publicOnes = endpoints.filter(({ endpoint }) => "httpsTrigger" in endpoint || "callableTrigger" in endpoint);
    expect(publicOnes.length).toBeGreaterThan(10);
    const allowed: number[] = Object.values(MAX_INSTANCES);
    for (const { name, endpoint } of publicOnes) {
      expect({ name, maxInstances: endpoint.maxInstances }).toEqual({ name, maxInstances: expect.any(Number) });
      expect(allowed).toContain(endpoint.maxInstances);
    }
  });

  it("the click endpoints and the fold use their own ceilings", () => {
    const ceilings = Object.fromEntries(endpoints.map(({ name, endpoint }) => [name, endpoint.maxInstances]));
    expect(ceilings).toMatchObject({
      click: MAX_INSTANCES.clickEndpoints,
      redirect: MAX_INSTANCES.clickEndpoints,
      onVisitWritten: MAX_INSTANCES.clickFold,
      lemonSqueezyWebhook: MAX_INSTANCES.webhooks,
      apply: MAX_INSTANCES.callables,
    });
  });
});
