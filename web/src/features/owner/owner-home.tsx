import { lazy, Suspense } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router-dom";
import { Loading } from "../../components/loading";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";

// Each section is its own chunk: the console opens on the overview without loading the others.
const OverviewPage = lazy(() => import("./overview/overview-page"));
const AffiliatesPage = lazy(() => import("./affiliates/affiliates-page"));
const AffiliatePage = lazy(() => import("./affiliates/affiliate-page"));
const ApplicationsPage = lazy(() => import("./applications/applications-page"));
const OrdersPage = lazy(() => import("./orders/orders-page"));
const PayoutsPage = lazy(() => import("./payouts/payouts-page"));
const SettingsPage = lazy(() => import("./settings/settings-page"));
const OutboxPage = lazy(() => import("./outbox/outbox-page"));
const FailedEventsPage = lazy(() => import("./events/failed-events-page"));
const SyncPage = lazy(() => import("./sync/sync-page"));

const SECTIONS = [
  { path: "overview", label: "Overview", element: <OverviewPage /> },
  { path: "affiliates", label: "Affiliates", element: <AffiliatesPage /> },
  { path: "applications", label: "Applications", element: <ApplicationsPage /> },
  { path: "orders", label: "Orders", element: <OrdersPage /> },
  { path: "payouts", label: "Payouts", element: <PayoutsPage /> },
  { path: "settings", label: "Settings", element: <SettingsPage /> },
  { path: "outbox", label: "Outbox", element: <OutboxPage /> },
  { path: "events", label: "Failed events", element: <FailedEventsPage /> },
  { path: "sync", label: "Sync", element: <SyncPage /> },
] as const;

/**
 * The owner console under /owner: one route per section, rendered below the section tabs. Links are
 * absolute because relative ones inside a splat route resolve against the whole current URL.
 */
export function OwnerHome() {
  return (
    <div className="owner" data-testid="owner-home">
      <PageTitle title="Owner console">Owner console</PageTitle>
      <nav className="toolbar owner__nav" aria-label="Owner console sections">
        {SECTIONS.map((s) => (
          <NavLink key={s.path} to={`${paths.owner.href()}/${s.path}`} className={({ isActive }) => `button button--small${isActive ? " button--primary" : ""}`} data-testid={`owner-nav-${s.path}`}>
            {s.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Navigate to={`${paths.owner.href()}/overview`} replace />} />
          {SECTIONS.map((s) => (
            <Route key={s.path} path={s.path} element={s.element} />
          ))}
          <Route path="affiliates/:affiliateId" element={<AffiliatePage />} />
          <Route path="*" element={<Navigate to={`${paths.owner.href()}/overview`} replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}

export default OwnerHome;
