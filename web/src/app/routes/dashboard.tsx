import { PageTitle } from "../../components/page-title";
import { useSignedInUser } from "../../features/auth/auth-context";
import { BalanceCards } from "../../features/balances/balance-cards";
import { ChartsSection } from "../../features/charts/charts-section";
import { CommissionsSection } from "../../features/commissions/commissions-section";
import { useDashboardData } from "../../features/dashboard/use-dashboard-data";
import { LinksSection } from "../../features/links/links-section";
import { RequestPayout } from "../../features/payout-request/request-payout";
import { PayoutsSection } from "../../features/payouts/payouts-section";
import { ProfileSection } from "../../features/profile/profile-section";
import { useNow } from "../../hooks/use-now";
import { DEFAULT_PAYOUT_THRESHOLD_MINOR } from "../../../../contracts/payout-threshold";
import { dayKey } from "../../lib/days";
import "./dashboard.css";

// Lazy-loaded: this chunk carries Firestore, so the sign-in page does not.
export default function DashboardRoute() {
  const { uid } = useSignedInUser();
  const { ledgers, profile, program, payoutRequests } = useDashboardData(uid);
  const requests = payoutRequests.status === "ready" ? payoutRequests.data : [];
  const now = useNow();
  const today = dayKey(now);
  const me = profile.status === "ready" ? profile.data : null;
  const settings = program.status === "ready" ? program.data : null;

  return (
    <div className="dashboard" data-testid="dashboard">
      <PageTitle title="Dashboard">{me?.displayName || me?.name ? `Welcome, ${me.displayName || me.name}` : "Your dashboard"}</PageTitle>
      <BalanceCards
        ledgers={ledgers}
        now={now}
        thresholdMinor={settings?.payoutThresholdMinor ?? DEFAULT_PAYOUT_THRESHOLD_MINOR}
        action={({ currency }) => <RequestPayout currency={currency} open={requests.find((r) => r.currency === currency && r.status === "open")} />}
      />
      <ChartsSection uid={uid} today={today} ledgers={ledgers} />
      <CommissionsSection uid={uid} now={now} />
      <LinksSection uid={uid} slug={me?.slug ?? null} affiliateDiscountCode={me?.discountCode ?? null} programDiscountCode={settings?.discountCode ?? null} />
      <PayoutsSection uid={uid} />
      <ProfileSection profile={profile} program={settings} />
    </div>
  );
}
