// The platforms whose webhooks the functions accept; their ids appear in order keys and course mappings.

export const PLATFORMS = ["paddle", "paddle-classic", "lemonsqueezy", "stripe"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How the console names each platform. */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  paddle: "Paddle Billing",
  "paddle-classic": "Paddle Classic",
  lemonsqueezy: "Lemon Squeezy",
  stripe: "Stripe",
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === "string" && (PLATFORMS as readonly string[]).includes(value);
}
