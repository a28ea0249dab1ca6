import { Link, Navigate } from "react-router-dom";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";
import { useAuth, useSignedInUser } from "./auth-context";

/** Explains why a signed-in person sees no dashboard. Reads nothing from Firestore. */
export function NotApprovedPage() {
  const { refresh } = useAuth();
  const { access, email } = useSignedInUser();
  if (access.isActiveAffiliate) return <Navigate to={paths.dashboard.href()} replace />;

  const status = access.status ?? "none";
  const body =
    status === "pending" ? (
      <>
        <PageTitle title="Application under review">Your application is being reviewed</PageTitle>
        <p>Thanks for applying. We will email {email ?? "you"} as soon as it has been reviewed; your dashboard opens here once you are approved.</p>
        <button type="button" className="button" onClick={refresh}>
          Check again
        </button>
      </>
    ) : status === "disabled" ? (
      <>
        <PageTitle title="Account disabled">Your affiliate account is disabled</PageTitle>
        <p>Please contact the program owner if you think this is a mistake. Commissions already earned are not affected by signing in.</p>
      </>
    ) : (
      <>
        <PageTitle title="Not an affiliate yet">{status === "rejected" ? "Your application was not accepted" : "You are not an affiliate yet"}</PageTitle>
        <p>
          {status === "rejected"
            ? "Your earlier application was not accepted. If things have changed, you are welcome to apply again."
            : `${email ?? "This address"} is not registered as an affiliate. Apply to join the program, or sign in with the address you applied with.`}
        </p>
        <p className="actions">
          <Link className="button button--primary" to={paths.apply.href()}>
            Apply to join
          </Link>
          <button type="button" className="button" onClick={refresh}>
            Check again
          </button>
        </p>
      </>
    );

  return (
    <div className="narrow" data-testid="not-approved" data-status={status}>
      {body}
    </div>
  );
}
