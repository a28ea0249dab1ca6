import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { NO_COURSE, type ProgramStatsDoc } from "../../../../../contracts/program-stats";
import { DataTable } from "../../../components/data-table";
import { LiveError } from "../../../components/live-error";
import { Loading } from "../../../components/loading";
import { PeriodToolbar } from "../../../components/period-toolbar";
import { Section } from "../../../components/section";
import { SvgChart } from "../../../components/svg-chart";
import { paths } from "../../../config/paths";
import { useLive } from "../../../hooks/use-live";
import { useNow } from "../../../hooks/use-now";
import { dayKey, formatDay } from "../../../lib/days";
import { listenOwnerAffiliate, listenOwnerCourses, listenProgramStats } from "../../../lib/firestore-owner";
import { formatMoney } from "../../../lib/money";
import type { AffiliateProfile, OwnerCourse } from "../../../types/models";
import { summarize, yearsOf, type CurrencyOverview, type ProgramOverview } from "./summarize";
import "./overview.css";

const RANGES = [30, 90, 365] as const;
const LONGEST = 365;
const TOP = 5;
const count = new Intl.NumberFormat();
const formatCount = (n: number) => count.format(Math.round(n));
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const formatRate = (rate: number | null) => (rate === null ? "—" : percent.format(rate));

/**
 * The console's landing page: how the program is doing over 30, 90 or 365 days, from the summary
 * documents the triggers keep, so it reads the same few documents whatever the number of orders.
 */
export default function OverviewPage() {
  const today = dayKey(useNow());
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const [chosen, setChosen] = useState<string | null>(null);
  // The longest range decides which years are read, so switching ranges reads nothing new.
  const years = yearsOf(today, LONGEST);
  const stats = useLive<ProgramStatsDoc[]>(`program-stats:${years.join(",")}`, (next, onError) => listenProgramStats(years, next, onError));
  const courses = useLive("owner-courses", listenOwnerCourses);
  const overview = useMemo(() => (stats.status === "ready" ? summarize(stats.data, today, range) : null), [stats, today, range]);

  if (stats.status === "error") return <LiveError live={stats} what="the program's figures" />;
  if (overview === null) return <Loading />;
  const current = overview.currencies.find((c) => c.currency === chosen) ?? overview.currencies[0] ?? null;

  const controls = (
    <PeriodToolbar
      ranges={RANGES}
      range={range}
      onRange={setRange}
      rangeTestId={(r) => `overview-range-${r}`}
      currencies={overview.currencies.map((c) => c.currency)}
      currency={current?.currency ?? null}
      onCurrency={setChosen}
      currencyTestId="overview-currency"
    />
  );

  return (
    <div className="overview" data-testid="owner-overview" data-range={range} data-currency={current?.currency ?? ""}>
      <Section title={`Last ${range} days`} actions={controls} testId="overview-figures">
        {current ? <MoneyFigures c={current} /> : <p className="muted">No sales yet. Figures appear here as orders arrive.</p>}
        <Traffic overview={overview} />
        {current ? (
          <div className="charts">
            <SvgChart title={`All revenue (${current.currency})`} kind="line" points={current.points.map((p) => ({ day: p.day, value: p.revenueMinor }))} format={(v) => formatMoney(Math.round(v), current.currency)} testId="overview-chart-revenue" />
            <SvgChart title={`Through affiliates (${current.currency})`} kind="line" points={current.points.map((p) => ({ day: p.day, value: p.affiliateRevenueMinor }))} format={(v) => formatMoney(Math.round(v), current.currency)} testId="overview-chart-affiliate-revenue" />
            <SvgChart title="Sales through affiliates" kind="bars" points={current.points.map((p) => ({ day: p.day, value: p.affiliateSales }))} format={formatCount} testId="overview-chart-sales" />
            <SvgChart title="Clicks" kind="bars" points={overview.clicks.map((p) => ({ day: p.day, value: p.clicks }))} format={formatCount} testId="overview-chart-clicks" />
          </div>
        ) : null}
      </Section>
      {current ? (
        <>
          <Balances c={current} />
          <TopAffiliates c={current} since={overview.monthsFrom} />
          <Courses c={current} since={overview.monthsFrom} courses={courses.status === "ready" ? courses.data : []} />
        </>
      ) : null}
    </div>
  );
}

function Figures({ items, testId }: { items: Array<{ label: string; testId: string; value: string; note?: string }>; testId: string }) {
  return (
    <dl className="stats" data-testid={testId}>
      {items.map((item) => (
        <div key={item.testId}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
          {item.note ? <dd className="small muted">{item.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function MoneyFigures({ c }: { c: CurrencyOverview }) {
  const money = (minor: number) => formatMoney(minor, c.currency);
  const share = c.totals.revenueMinor > 0 ? c.totals.affiliateRevenueMinor / c.totals.revenueMinor : null;
  return (
    <Figures
      testId="overview-money"
      items={[
        { label: "All revenue", testId: "overview-revenue", value: money(c.totals.revenueMinor), note: `${formatCount(c.totals.sales)} sales, net after refunds` },
        { label: "Through affiliates", testId: "overview-affiliate-revenue", value: money(c.totals.affiliateRevenueMinor), note: `${formatCount(c.totals.affiliateSales)} sales, ${formatRate(share)} of revenue` },
        { label: "Commission earned", testId: "overview-commission", value: money(c.totals.commissionMinor) },
        { label: "Refunded", testId: "overview-refunded", value: money(c.totals.refundedMinor) },
      ]}
    />
  );
}

function Traffic({ overview }: { overview: ProgramOverview }) {
  return (
    <Figures
      testId="overview-traffic"
      items={[
        { label: "Clicks", testId: "overview-clicks", value: formatCount(overview.totalClicks) },
        { label: "Unique visitors", testId: "overview-uniques", value: formatCount(overview.totalUniques) },
        { label: "Clicks → sales", testId: "overview-conversion", value: formatRate(overview.conversionRate), note: "affiliate sales per unique visitor" },
      ]}
    />
  );
}

function Balances({ c }: { c: CurrencyOverview }) {
  const money = (minor: number) => formatMoney(minor, c.currency);
  return (
    <Section title={`Commissions (${c.currency}), all time`} testId="overview-balances">
      <Figures
        testId="overview-balance-figures"
        items={[
          { label: "Pending", testId: "overview-pending", value: money(c.balances.pendingMinor), note: "inside the refund window" },
          { label: "Payable", testId: "overview-payable", value: money(c.balances.payableMinor), note: "past the window, not yet paid" },
          { label: "Paid", testId: "overview-paid", value: money(c.balances.paidMinor) },
          ...(c.balances.flaggedMinor !== 0 ? [{ label: "Held for review", testId: "overview-flagged", value: money(c.balances.flaggedMinor) }] : []),
        ]}
      />
      <p className="small muted">
        A commission counts as payable here from the day after its refund window ends; <Link to={`${paths.owner.href()}/payouts`}>Payouts</Link> has it to the second.
      </p>
    </Section>
  );
}

function AffiliateName({ id }: { id: string }) {
  const affiliate = useLive<AffiliateProfile | null>(`owner-affiliate:${id}`, (next, onError) => listenOwnerAffiliate(id, next, onError));
  const profile = affiliate.status === "ready" ? affiliate.data : null;
  return <Link to={`${paths.owner.href()}/affiliates/${id}`}>{profile ? profile.displayName || profile.name || profile.email : id}</Link>;
}

function TopAffiliates({ c, since }: { c: CurrencyOverview; since: string }) {
  const money = (minor: number) => formatMoney(minor, c.currency);
  const top = c.affiliates.slice(0, TOP);
  return (
    <Section title="Top affiliates" testId="overview-top-affiliates">
      <p className="small muted">Since {formatDay(since)} (whole months), by revenue brought in.</p>
      {top.length === 0 ? (
        <p className="muted">No sales through affiliates in this period.</p>
      ) : (
        <DataTable label="Top affiliates" columns={["Affiliate", { label: "Sales", numeric: true }, { label: "Revenue", numeric: true }, { label: "Commission", numeric: true }]} compact>
          {top.map((a) => (
            <tr key={a.id} data-testid="overview-affiliate-row" data-affiliate-id={a.id}>
              <th scope="row">
                <AffiliateName id={a.id} />
              </th>
              <td className="num">{formatCount(a.affiliateSales)}</td>
              <td className="num">{money(a.affiliateRevenueMinor)}</td>
              <td className="num">{money(a.commissionMinor)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

function Courses({ c, since, courses }: { c: CurrencyOverview; since: string; courses: OwnerCourse[] }) {
  const money = (minor: number) => formatMoney(minor, c.currency);
  const names = new Map(courses.map((course) => [course.id, course.name]));
  const nameOf = (id: string) => (id === NO_COURSE ? "No course matched" : (names.get(id) ?? id));
  return (
    <Section title="Per course" testId="overview-courses">
      <p className="small muted">Since {formatDay(since)} (whole months).</p>
      {c.courses.length === 0 ? (
        <p className="muted">No sales in this period.</p>
      ) : (
        <DataTable label="Revenue per course" columns={["Course", { label: "Sales", numeric: true }, { label: "Revenue", numeric: true }, { label: "Through affiliates", numeric: true }]} compact>
          {c.courses.map((course) => (
            <tr key={course.id} data-testid="overview-course-row" data-course-id={course.id}>
              <th scope="row">{nameOf(course.id)}</th>
              <td className="num">{formatCount(course.sales)}</td>
              <td className="num">{money(course.revenueMinor)}</td>
              <td className="num">{money(course.affiliateRevenueMinor)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
