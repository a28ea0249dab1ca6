import { PayableNow } from "./payable-now";
import { PayoutHistory } from "./payout-history";
import { PayoutRequests } from "./payout-requests";

export default function PayoutsPage() {
  return (
    <div data-testid="owner-payouts-page">
      <PayoutRequests />
      <PayableNow />
      <PayoutHistory />
    </div>
  );
}
