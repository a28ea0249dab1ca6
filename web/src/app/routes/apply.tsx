import { ApplyPage } from "../../features/apply/apply-page";
import { useAuth } from "../../features/auth/auth-context";

// Lazy-loaded: the form checks its fields with the `apply` callable's schema, and zod stays out of the sign-in bundle.
export default function ApplyRoute() {
  const { state } = useAuth();
  return <ApplyPage signedInEmail={state.phase === "signed-in" ? (state.user.email ?? "") : ""} />;
}
