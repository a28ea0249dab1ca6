import { useMemo, useState } from "react";
import { LiveError } from "../../components/live-error";
import { PeriodToolbar } from "../../components/period-toolbar";
import { Section } from "../../components/section";
import { useLive, type Live } from "../../hooks/use-live";
import { lastDays, monthsOf, type DayKey } from "../../lib/days";
import { listenClickStats } from "../../lib/firestore-affiliate";
import { formatMoney } from "../../lib/money";
import type { ClickStat, LedgerShard } from "../../types/models";
import { buildSeries, formatRate, ledgerCurrencies } from "./series";
import { SvgChart } from "../../components/svg-chart";

const RANGES = [30, 90] as const;
const count = new Intl.NumberFormat();
const formatCount = (n: number) => count.format(Math.round(n));

interface Props {
  uid: string;
  today: DayKey;
  ledgers: Live<LedgerShard[]>;
}

export function ChartsSection({ uid, today, ledgers }: Props) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const months = useMemo(() => monthsOf(lastDays(today, range)), [today, range]);
  const clicks = useLive<ClickStat[]>(`clicks:${uid}:${months.join(",")}`, (next, onError) => listenClickStats(uid, months, next, onError));

  const shards = ledgers.status === "ready" ? ledgers.data : [];
  const currencies = ledgerCurrencies(shards);
  const currency = chosenCurrency !== null && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? null);
  const series = buildSeries(clicks.status === "ready" ? clicks.data : [], shards, today, range, currency);
  const formatCommission = (minor: number) => (currency ? formatMoney(Math.round(minor), currency) : formatCount(minor));

  const stats = [
    { label: "Clicks", testId: "total-clicks", value: formatCount(series.totals.clicks) },
    { label: "Unique visitors", testId: "total-uniques", value: formatCount(series.totals.uniques) },
    { label: "Sales", testId: "total-sales", value: formatCount(series.totals.sales) },
    { label: "Conversion rate", testId: "conversion-rate", value: formatRate(series.conversionRate) },
    ...(currency ? [{ label: `Commission (${currency})`, testId: "total-commission", value: formatMoney(series.totals.commissionMinor, currency) }] : []),
  ];

  const controls = <PeriodToolbar ranges={RANGES} range={range} onRange={setRange} rangeTestId={(r) => `range-${r}`} currencies={currencies} currency={currency} onCurrency={setChosenCurrency} />;

  return (
    <Section title="Performance" actions={controls} testId="charts">
      {clicks.status === "error" ? <LiveError live={clicks} what="click statistics" /> : null}
      <dl className="stats" aria-live="polite" data-testid="chart-totals" data-range={range}>
        {stats.map((stat) => (
          <div key={stat.testId}>
            <dt>{stat.label}</dt>
            <dd data-testid={stat.testId}>{stat.value}</dd>
          </div>
        ))}
      </dl>
      <div className="charts">
        <SvgChart title="Clicks" kind="bars" points={series.points.map((p) => ({ day: p.day, value: p.clicks }))} format={formatCount} testId="chart-clicks" />
        <SvgChart title="Sales" kind="bars" points={series.points.map((p) => ({ day: p.day, value: p.sales }))} format={formatCount} testId="chart-sales" />
        <SvgChart
          title={currency ? `Commission (${currency})` : "Commission"}
          kind="line"
          points={series.points.map((p) => ({ day: p.day, value: p.commissionMinor }))}
          format={formatCommission}
          testId="chart-commission"
        />
      </div>
    </Section>
  );
}
