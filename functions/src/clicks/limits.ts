// How much one address and one affiliate may add to the click counters. Both limits are kept in
// the memory of each function instance (see RateCap), so across the platform they multiply by the
// number of instances, which MAX_INSTANCES.clickEndpoints bounds.

/** Counted clicks per minute from one address, per instance (C-06). */
export const CLICKS_PER_ADDRESS_PER_MINUTE = 30;

/**
 * Counted clicks per minute for one affiliate, per instance of each endpoint (/c, /r/): the default
 * of the CLICKS_PER_AFFILIATE_PER_MINUTE parameter. Ten a second is a large launch for one affiliate;
 * beyond it visitors are still redirected and attributed at checkout, only the click is not counted,
 * and costs no write. The emulators use a lower value (functions/.env.demo-affiliates) so a test can
 * fill a minute's ceiling on a slow machine.
 */
export const CLICKS_PER_AFFILIATE_PER_MINUTE = 600;
