import type { AffiliateStatus, StatusAction } from "../../../contracts/affiliates.js";

/** Which statuses each owner action may start from; anything else is refused, not ignored. */
const FROM: Record<StatusAction, readonly AffiliateStatus[]> = {
  approve: ["pending", "rejected"],
  reject: ["pending"],
  disable: ["active", "pending"],
  enable: ["disabled"],
};

const TO: Record<StatusAction, AffiliateStatus> = { approve: "active", reject: "rejected", disable: "disabled", enable: "active" };

export function nextStatus(current: AffiliateStatus, action: StatusAction): AffiliateStatus | null {
  return FROM[action].includes(current) ? TO[action] : null;
}

/** The welcome email goes out when an affiliate first becomes active, by invitation or approval. */
export function becameActive(before: string | null, after: string | null): boolean {
  return after === "active" && before !== "active";
}
