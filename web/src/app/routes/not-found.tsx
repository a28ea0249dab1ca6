import { Link } from "react-router-dom";
import { PageTitle } from "../../components/page-title";
import { paths } from "../../config/paths";

export function NotFoundRoute() {
  return (
    <div className="narrow" data-testid="not-found">
      <PageTitle title="Page not found">Page not found</PageTitle>
      <p>
        <Link to={paths.home.href()}>Go to the portal home</Link>
      </p>
    </div>
  );
}
