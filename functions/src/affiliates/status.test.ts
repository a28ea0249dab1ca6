import { describe, expect, it } from "vitest";
import { becameActive, nextStatus } from "./status.js";

describe("nextStatus", () => {
  it("follows the allowed transitions only", () => {
    expect(nextStatus("pending", "approve")).toBe("active");
    expect(nextStatus("rejected", "approve")).toBe("active");
    expect(nextStatus("pending", "reject")).toBe("rejected");
    expect(nextStatus("active", "disable")).toBe("disabled");
    expect(nextStatus("disabled", "enable")).toBe("active");
    expect(nextStatus("active", "approve")).toBeNull();
    expect(nextStatus("active", "reject")).toBeNull();
    expect(nextStatus("disabled", "approve")).toBeNull();
    expect(nextStatus("rejected", "enable")).toBeNull();
  });

  it("sends the welcome email on the change to active only", () => {
    expect(becameActive(null, "active")).toBe(true);
    expect(becameActive("pending", "active")).toBe(true);
    expect(becameActive("active", "active")).toBe(false);
    expect(becameActive("active", "disabled")).toBe(false);
    expect(becameActive("pending", "rejected")).toBe(false);
  });
});
