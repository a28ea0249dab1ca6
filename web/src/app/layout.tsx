import { Suspense } from "react";
import { Link, Outlet, useNavigate } from "react-router-dom";
import { Loading } from "../components/loading";
import { paths } from "../config/paths";
import { useAuth } from "../features/auth/auth-context";
import "./layout.css";

function Header() {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const signedIn = state.phase === "signed-in" || state.phase === "error" ? state : null;
  return (
    <header className="header">
      <div className="header__inner">
        <Link to={paths.home.href()} className="header__brand">
          Affiliate portal
        </Link>
        {signedIn ? (
          <nav className="header__nav" aria-label="Account">
            {signedIn.phase === "signed-in" && signedIn.access.isActiveAffiliate ? <Link to={paths.dashboard.href()}>Dashboard</Link> : null}
            {signedIn.phase === "signed-in" && signedIn.access.isOwner ? (
              <Link to={paths.owner.href()} data-testid="owner-link">
                Owner console
              </Link>
            ) : null}
            <span className="header__email" data-testid="signed-in-email">
              {signedIn.user.email}
            </span>
            <button
              type="button"
              className="button button--small"
              data-testid="sign-out"
              onClick={async () => {
                await signOut();
                void navigate(paths.signIn.href(), { replace: true });
              }}
            >
              Sign out
            </button>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

export function RootLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
