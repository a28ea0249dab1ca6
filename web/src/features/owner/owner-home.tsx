import { PageTitle } from "../../components/page-title";

/** Placeholder until the owner console lands; the route and its lazy chunk are already wired. */
export function OwnerHome() {
  return (
    <div data-testid="owner-home">
      <PageTitle title="Owner console">Owner console</PageTitle>
      <p role="status">The owner console is loading…</p>
    </div>
  );
}

export default OwnerHome;
