import { OwnerHome } from "../../features/owner/owner-home";

// Lazy-loaded like the dashboard; the owner console will replace OwnerHome.
export default function OwnerRoute() {
  return <OwnerHome />;
}
