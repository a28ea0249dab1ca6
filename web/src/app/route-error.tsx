import { useRouteError } from "react-router-dom";
import { PageTitle } from "../components/page-title";
import { isChunkLoadError } from "./chunk-error";

/**
 * The router's errorElement. A page whose code cannot be fetched (the portal was redeployed while
 * this tab was open) needs a reload, not an apology; anything else gets the same way out.
 */
export function RouteError() {
  const error = useRouteError();
  const stale = isChunkLoadError(error);
  return (
    <div className="narrow" data-testid="route-error" data-kind={stale ? "chunk" : "other"}>
      <PageTitle title={stale ? "Reload needed" : "Something went wrong"}>{stale ? "A new version of the portal is available" : "Something went wrong"}</PageTitle>
      <p role="alert">{stale ? "This page could not be loaded because the portal was updated since you opened it. Reload to continue." : "This page stopped working. Reloading usually helps; your data is safe."}</p>
      <button type="button" className="button button--primary" onClick={() => location.reload()} data-testid="reload-button">
        Reload
      </button>
    </div>
  );
}
