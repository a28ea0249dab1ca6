// No zod here: the affiliate's dashboard imports it.

/**
 * How emails and the portal name one payment of a subscription: "payment 4 of Membership". A
 * one-off sale (no payment number) keeps its course name.
 */
export function paymentLabel(courseName: string, payment: number | null): string {
  return payment === null ? courseName : `payment ${payment} of ${courseName}`;
}
