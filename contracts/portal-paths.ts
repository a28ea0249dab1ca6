// Portal routes the functions also need: links in emails must open the page that handles them.

/** Where an email sign-in link lands; the page finishes the sign-in. */
export const FINISH_SIGN_IN_PATH = "/finish-sign-in";

/** The owner console's payouts page, where payout requests wait (linked from the request email). */
export const OWNER_PAYOUTS_PATH = "/owner/payouts";
