import { PayableNow } from "./payable-now";
import { PayoutHistory } from "./payout-history";

export default function PayoutsPage() {
  return (
    <div data-testid="owner-payouts-page">
      <PayableNow />
      <PayoutHistory />
    </div>
  );
}
