/**
 * Each affiliate's monthly click counters are spread over this many `clickStats` documents, so a
 * burst of clicks does not queue on one; readers sum them all (the portal's query limit counts them).
 */
export const CLICK_SHARDS = 4;
