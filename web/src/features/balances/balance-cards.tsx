import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import type { Live } from "../../hooks/use-live";
import { formatDay } from "../../lib/days";
import { formatMoney } from "../../lib/money";
import type { LedgerShard } from "../../types/models";
import { computeBalances, type CurrencyBalance } from "./compute-balances";
import { thresholdProgress } from "./threshold-progress";
import "./balance-cards.css";

/** What the dashboard puts under a balance that reached the threshold (the payout request). */
export type BalanceAction = (balance: CurrencyBalance) => React.ReactNode;

function ThresholdBar({ balance, thresholdMinor, action }: { balance: CurrencyBalance; thresholdMinor: number; action: BalanceAction | undefined }) {
  const { currency } = balance;
  const progress = thresholdProgress(balance.payableMinor, thresholdMinor);
  const threshold = formatMoney(thresholdMinor, currency);
  return (
    <div className="threshold" data-testid="threshold" data-percent={progress.percent} data-reached={progress.reached}>
      <div className="threshold__bar" role="progressbar" aria-label={`Payable balance toward the payout threshold of ${threshold}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
        <span className="threshold__fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="small muted threshold__text">
        {progress.reached ? `Over the payout threshold of ${threshold}.` : `${formatMoney(progress.remainingMinor, currency)} more to reach the payout threshold of ${threshold} (${progress.percent}%).`}
      </p>
      {progress.reached && action ? action(balance) : null}
    </div>
  );
}

function BalanceCard({ balance, thresholdMinor, action }: { balance: CurrencyBalance; thresholdMinor: number; action: BalanceAction | undefined }) {
  const { currency } = balance;
  return (
    <article className="balance card" data-testid={`balance-${currency}`} data-currency={currency} aria-label={`${currency} balance`}>
      <h3 className="balance__currency">{currency}</h3>
      <dl className="balance__figures">
        <div>
          <dt>Payable now</dt>
          <dd className={`balance__amount ${balance.payableMinor < 0 ? "negative" : ""}`} data-testid="payable" data-minor={balance.payableMinor}>
            {formatMoney(balance.payableMinor, currency)}
          </dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd className="balance__amount balance__amount--secondary" data-testid="pending" data-minor={balance.pendingMinor}>
            {formatMoney(balance.pendingMinor, currency)}
          </dd>
        </div>
      </dl>
      <ThresholdBar balance={balance} thresholdMinor={thresholdMinor} action={action} />
      {balance.nextPayableDay ? (
        <p className="muted" data-testid="next-payable">
          Next amount becomes payable on {formatDay(balance.nextPayableDay)}.
        </p>
      ) : null}
      {balance.carryMinor < 0 ? (
        <p className="balance__note tone-warn" data-testid="carry" data-minor={balance.carryMinor}>
          Includes a negative carry-forward of {formatMoney(balance.carryMinor, currency)} from refunds after a payout; it is taken from future earnings.
        </p>
      ) : null}
      {balance.flaggedMinor > 0 ? (
        <p className="balance__note tone-warn" data-testid="flagged" data-minor={balance.flaggedMinor}>
          {formatMoney(balance.flaggedMinor, currency)} is under review.
        </p>
      ) : null}
      <p className="muted balance__totals">
        Paid out so far: <span data-testid="paid">{formatMoney(balance.paidMinor, currency)}</span> · {balance.sales} {balance.sales === 1 ? "sale" : "sales"}
        {balance.refunds > 0 ? `, ${balance.refunds} refunded` : ""}
      </p>
    </article>
  );
}

interface Props {
  ledgers: Live<LedgerShard[]>;
  now: Date;
  /** The program's payout threshold, compared in each currency's minor units as the payout does. */
  thresholdMinor: number;
  action?: BalanceAction;
}

export function BalanceCards({ ledgers, now, thresholdMinor, action }: Props) {
  return (
    <Section title="Balances" testId="balances">
      <LiveStatus live={ledgers} what="balances" />
      {/* Polite live region: balances change while the page is open as sales and refunds arrive. */}
      <div className="balances" aria-live="polite">
        {ledgers.status === "ready" && ledgers.data.length === 0 ? (
          <p className="muted" data-testid="balances-empty">
            No commissions yet. Share your links below to start earning.
          </p>
        ) : null}
        {ledgers.status === "ready" ? computeBalances(ledgers.data, now).map((b) => <BalanceCard key={b.currency} balance={b} thresholdMinor={thresholdMinor} action={action} />) : null}
      </div>
    </Section>
  );
}
