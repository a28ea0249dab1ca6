/** Who made a change, as the audit trail records it: a signed-in owner. */
export interface Actor {
  uid: string;
  email: string;
}
