import { logger } from "firebase-functions";
import { onDocumentCreated } from "firebase-functions/firestore";
import { countClick } from "../store/clicks.js";

/**
 * Moves a new click into the portal's counters. The HTTP endpoints only create click documents, so
 * the increments happen here, once per click (countClick is idempotent), with retries on failure.
 */
export const onClickCreated = onDocumentCreated({ document: "clicks/{clickId}", retry: true }, async (event) => {
  const outcome = await countClick(event.params.clickId);
  if (outcome !== "counted") logger.info("click not counted again", { clickId: event.params.clickId, outcome });
});
