import { OwnerHome } from "../../features/owner/owner-home";

// Lazy-loaded like the dashboard, so affiliates never download the console.
export default function OwnerRoute() {
  return <OwnerHome />;
}
