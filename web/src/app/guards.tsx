import { Navigate, useLocation } from "react-router-dom";
import { Loading } from "../components/loading";
import { PageTitle } from "../components/page-title";
import { paths } from "../config/paths";
import { useAuth } from "../features/auth/auth-context";
import type { Access } from "../features/auth/resolve-access";

/** Where a signed-in person belongs when they land on a page that is not for them. */
export function homeFor(access: Access): string {
  if (access.isActiveAffiliate) return paths.dashboard.href();
  if (access.isOwner) return paths.owner.href();
  return paths.notApproved.href();
}

function SessionError({ message, retry }: { message: string; retry: () => void }) {
  return (
    <div className="narrow" data-testid="session-error">
      <PageTitle title="Something went wrong">We could not check your account</PageTitle>
      <p role="alert">We could not reach the server to confirm your access. Check your connection and try again.</p>
      <p className="muted small">{message}</p>
      <button type="button" className="button button--primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

type Allow = (access: Access) => boolean;

/** Renders children only for signed-in people that `allow` accepts; sends everyone else home. */
export function Guard({ allow, children }: { allow: Allow; children: React.ReactNode }) {
  const { state, refresh } = useAuth();
  const location = useLocation();
  if (state.phase === "loading") return <Loading label="Checking your account…" />;
  if (state.phase === "signed-out") return <Navigate to={paths.signIn.href()} replace state={{ from: location.pathname }} />;
  if (state.phase === "error") return <SessionError message={state.message} retry={refresh} />;
  if (!allow(state.access)) return <Navigate to={homeFor(state.access)} replace />;
  return <>{children}</>;
}

export const allowSignedIn: Allow = () => true;
export const allowActiveAffiliate: Allow = (access) => access.isActiveAffiliate;
export const allowOwner: Allow = (access) => access.isOwner;

export function HomeRedirect() {
  const { state, refresh } = useAuth();
  if (state.phase === "loading") return <Loading label="Checking your account…" />;
  if (state.phase === "signed-out") return <Navigate to={paths.signIn.href()} replace />;
  if (state.phase === "error") return <SessionError message={state.message} retry={refresh} />;
  return <Navigate to={homeFor(state.access)} replace />;
}
