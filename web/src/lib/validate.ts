// The one address pattern the rules and the mail documents use, so a form refuses exactly what they
// would refuse (say, "a@b.c,x") before a round trip.
export { isEmailAddress as isEmail } from "../../../contracts/email-address";
