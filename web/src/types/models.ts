// Read-side shapes of the Firestore documents the portal shows (see docs/data-model.md). The web
// app owns these: functions/ is deployed on its own, so the contract is checked by emulator tests.
import type { DayKey } from "../lib/days";

export const COMMISSION_STATUSES = ["pending", "paid", "refunded", "reversed", "flagged"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const AFFILIATE_STATUSES = ["pending", "active", "disabled", "rejected"] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export interface Commission {
  id: string;
  affiliateId: string;
  orderKey: string;
  platform: string;
  courseId: string;
  courseName: string;
  saleAt: Date | null;
  payableAt: Date | null;
  currency: string;
  saleMinor: number;
  commissionMinor: number;
  originalCommissionMinor: number;
  rateBps: number;
  status: CommissionStatus;
  test: boolean;
}

export interface DailyLedger {
  sales: number;
  saleMinor: number;
  commissionMinor: number;
  refundedMinor: number;
}

export interface LedgerShard {
  id: string;
  affiliateId: string;
  currency: string;
  shard: number;
  pendingByDay: Record<DayKey, number>;
  flaggedMinor: number;
  carryMinor: number;
  paidMinor: number;
  reversedMinor: number;
  earnedMinor: number;
  sales: number;
  refunds: number;
  daily: Record<DayKey, DailyLedger>;
}

export interface DayClicks {
  clicks: number;
  uniques: number;
}

export interface ClickStat {
  id: string;
  affiliateId: string;
  /** `YYYY-MM` */
  month: string;
  /** Keyed by two-digit day of month, `DD`. */
  days: Record<string, DayClicks>;
}

export interface Payout {
  id: string;
  affiliateId: string;
  amountMinor: number;
  currency: string;
  method: string;
  reference: string;
  createdAt: Date | null;
  orderKeys: string[];
}

export interface Course {
  id: string;
  name: string;
  siteUrl: string;
}

export interface AffiliateProfile {
  id: string;
  email: string;
  name: string;
  status: AffiliateStatus | null;
  rateBps: number | null;
  cookieDays: number | null;
  discountCode: string | null;
  slug: string | null;
  displayName: string;
  payoutEmail: string;
  website: string;
  promotion: string;
  createdAt: Date | null;
}

export interface ProgramSettings {
  name: string;
  defaultRateBps: number | null;
  refundWindowDays: number | null;
  cookieDays: number | null;
  payoutThresholdMinor: number | null;
  discountCode: string | null;
}

/** Only these two fields of `affiliates/{uid}` may be written by the affiliate. */
export interface ProfileUpdate {
  displayName: string;
  payoutEmail: string;
}
